using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>WHT0003: every error kind of the template grammar, each on the characters the parser blames.</summary>
public class TemplateGrammarTests
{
    [Fact]
    public Task Unclosed_brace_covers_the_rest_of_the_template() => Header("""a {|WHT0003:{inputs.name|}""");

    [Fact]
    public Task Lone_close_brace_covers_the_brace() => Header("""a{|WHT0003:}|}b""");

    [Fact]
    public Task Empty_placeholder_covers_the_braces() => Header("""a {|WHT0003:{}|} b""");

    [Fact]
    public Task Unknown_scope_covers_the_scope() => Header("""{{|WHT0003:input|}.name}""");

    [Fact]
    public Task Missing_name_covers_the_placeholder() => Header("""{|WHT0003:{inputs.}|}""");

    [Fact]
    public Task Invalid_name_covers_the_name() => Header("""{inputs.{|WHT0003:1st|}}""");

    [Fact]
    public Task Empty_member_covers_the_dot_before_it() => Header("""{inputs.name{|WHT0003:.|}.Length}""");

    [Fact]
    public Task Invalid_member_covers_the_member() => Header("""{inputs.name.{|WHT0003:2x|}}""");

    [Fact]
    public Task Empty_format_covers_the_colon() => Header("""{inputs.name{|WHT0003::|}}""");

    [Fact]
    public Task Secret_with_member_covers_the_placeholder() => Header("""Bearer {|WHT0003:{secrets.token.Value}|}""");

    [Fact]
    public Task Secret_with_format_covers_the_placeholder() => Header("""Bearer {|WHT0003:{secrets.token:x}|}""");

    [Fact]
    public Task Nested_brace_covers_the_inner_brace()
    {
        // Markup cannot wrap a lone '{', so this span is given by line and column.
        var test = Verify.Test("""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/")]
            [Header("X-Test", "{inputs.name:a{b}")]
            public partial class Hook
            {
                public string Name { get; init; } = "";
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.MalformedTemplate)
            .WithSpan(4, 34, 4, 35)
            .WithArguments("header 'X-Test'", "'{' inside a placeholder; write '{{' for a literal brace"));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task Errors_in_the_url_are_reported_as_malformed_templates() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0003:{}|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Errors_in_data_strings_are_reported_inside_the_json_string() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """{ "text": "hi {|WHT0003:{inputs}|}" }""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task Errors_in_data_keys_are_reported_inside_the_key() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """{ "a{|WHT0003:}|}": 1 }""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task Literal_braces_are_not_errors() => Header("""{{literal}} and {inputs.name}""");

    private static Task Header(string value) => Verify.Analyzer($$""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("X-Test", """{{value}}""")]
        public partial class Hook
        {
            public string Name { get; init; } = "";
        }
        """");
}
