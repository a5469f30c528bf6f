using System.Linq;
using WebhookTasks.Templates;

namespace WebhookTasks.Generator.Tests;

/// <summary>The one template grammar: placeholders, escapes and every error with its exact span.</summary>
public sealed class TemplateParserTests
{
    [Fact]
    public void Literal_text_is_one_part()
    {
        var template = TemplateParser.Parse("https://example.com/");

        var part = Assert.IsType<LiteralPart>(Assert.Single(template.Parts));
        Assert.Equal("https://example.com/", part.Text);
        Assert.True(template.IsValid);
    }

    [Fact]
    public void An_input_placeholder_has_its_name_members_format_and_span()
    {
        var template = TemplateParser.Parse("at {inputs.order.Customer.Name:G} now");

        var placeholder = Assert.Single(template.Placeholders);
        Assert.Equal(PlaceholderScope.Inputs, placeholder.Scope);
        Assert.Equal("order", placeholder.Name);
        Assert.Equal(new[] { "Customer", "Name" }, placeholder.Members);
        Assert.Equal("G", placeholder.Format);
        Assert.Equal((3, 30), (placeholder.Start, placeholder.Length));
        Assert.Equal(11, placeholder.NameStart);
    }

    [Fact]
    public void A_secret_placeholder_is_a_name_alone()
    {
        var placeholder = Assert.Single(TemplateParser.Parse("{secrets.slack_url}").Placeholders);

        Assert.Equal((PlaceholderScope.Secrets, "slack_url"), (placeholder.Scope, placeholder.Name));
    }

    [Fact]
    public void Doubled_braces_are_literal_braces()
    {
        var template = TemplateParser.Parse("{{x}} {inputs.a} }}");

        Assert.True(template.IsValid);
        Assert.Equal(new[] { "{x} ", " }" }, template.Parts.OfType<LiteralPart>().Select(p => p.Text));
    }

    [Theory]
    [InlineData("a {inputs.x", nameof(TemplateErrorKind.UnclosedBrace), 2, 9)]
    [InlineData("a } b", nameof(TemplateErrorKind.LoneCloseBrace), 2, 1)]
    [InlineData("a {} b", nameof(TemplateErrorKind.EmptyPlaceholder), 2, 2)]
    [InlineData("{input.x}", nameof(TemplateErrorKind.UnknownScope), 1, 5)]
    [InlineData("{secret.x}", nameof(TemplateErrorKind.UnknownScope), 1, 6)]
    [InlineData("{inputs}", nameof(TemplateErrorKind.MissingName), 0, 8)]
    [InlineData("{inputs.}", nameof(TemplateErrorKind.MissingName), 0, 9)]
    [InlineData("{inputs.9x}", nameof(TemplateErrorKind.InvalidName), 8, 2)]
    [InlineData("{inputs.x..y}", nameof(TemplateErrorKind.InvalidMemberPath), 9, 1)]
    [InlineData("{inputs.x.y-z}", nameof(TemplateErrorKind.InvalidMemberPath), 10, 3)]
    [InlineData("{inputs.x:}", nameof(TemplateErrorKind.EmptyFormat), 9, 1)]
    [InlineData("{secrets.x.y}", nameof(TemplateErrorKind.SecretWithMemberOrFormat), 0, 13)]
    [InlineData("{inputs.{x}", nameof(TemplateErrorKind.NestedBrace), 8, 1)]
    public void Each_error_has_its_kind_and_exact_span(string text, string kind, int start, int length)
    {
        var error = TemplateParser.Parse(text).Errors.First();

        Assert.Equal((kind, start, length), (error.Kind.ToString(), error.Start, error.Length));
    }

    [Fact]
    public void A_misspelled_scope_suggests_the_right_one()
    {
        var error = Assert.Single(TemplateParser.Parse("{input.x}").Errors);

        Assert.Contains("did you mean 'inputs'?", error.Message, System.StringComparison.Ordinal);
    }
}
