using System.Linq;
using WebhookTasks.Templates;

namespace WebhookTasks.Generator.Tests;

/// <summary>Data is strict JSON whose strings are templates, with positions kept for diagnostics.</summary>
public sealed class JsonTemplateTests
{
    [Fact]
    public void An_object_with_every_kind_of_value_parses()
    {
        var json = JsonTemplate.Parse("""{ "s": "x {inputs.a}", "n": -1.5e3, "t": true, "f": false, "z": null, "a": [1, "b"], "o": {} }""");

        Assert.Null(json.Error);
        Assert.Equal(new[] { "s", "n", "t", "f", "z", "a", "o" }, json.Root!.Members.Select(m => m.Key.Value));
        Assert.Equal("-1.5e3", Assert.IsType<JsonLiteralNode>(json.Root.Members[1].Value).Raw);
    }

    [Fact]
    public void A_placeholder_inside_an_escaped_string_maps_back_to_the_data_text()
    {
        const string data = """{ "k": "a\"b\u0041{inputs.x}" }""";
        var text = (JsonStringNode)JsonTemplate.Parse(data).Root!.Members.Single().Value;

        var placeholder = text.Template.Placeholders.Single();
        var (start, length) = text.MapSpan(placeholder.Start, placeholder.Length);

        Assert.Equal("{inputs.x}", data.Substring(start, length));
    }

    [Theory]
    [InlineData("[1]", nameof(TemplateErrorKind.JsonNotObject), 0)]
    [InlineData("\"x\"", nameof(TemplateErrorKind.JsonNotObject), 0)]
    [InlineData("", nameof(TemplateErrorKind.JsonNotObject), 0)]
    [InlineData("{ 'a': 1 }", nameof(TemplateErrorKind.JsonSyntax), 2)]
    [InlineData("{ \"a\": 1, }", nameof(TemplateErrorKind.JsonSyntax), 10)]
    [InlineData("{ \"a\" 1 }", nameof(TemplateErrorKind.JsonSyntax), 6)]
    [InlineData("{ \"a\": tru }", nameof(TemplateErrorKind.JsonSyntax), 7)]
    [InlineData("{ \"a\": \"x\n\" }", nameof(TemplateErrorKind.JsonSyntax), 9)]
    [InlineData("{ \"a\": 1 } x", nameof(TemplateErrorKind.JsonSyntax), 11)]
    public void Errors_are_located_where_the_json_goes_wrong(string data, string kind, int start)
    {
        var error = JsonTemplate.Parse(data).Error!;

        Assert.Equal((kind, start), (error.Kind.ToString(), error.Start));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow()
    {
        var data = "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var error = JsonTemplate.Parse(data).Error!;

        Assert.Equal(TemplateErrorKind.JsonSyntax, error.Kind);
        Assert.Contains("deeper than", error.Message, System.StringComparison.Ordinal);
    }
}
