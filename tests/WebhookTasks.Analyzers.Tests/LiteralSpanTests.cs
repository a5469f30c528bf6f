using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>A placeholder's diagnostic covers exactly its characters in the source, through every kind of literal.</summary>
public class LiteralSpanTests
{
    [Fact]
    public Task Regular_string_with_escapes_before_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("X-Test", "caf\u00e9 \"quoted\" \\ \x41 {|WHT0002:{inputs.nope}|} end")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Regular_string_with_an_escape_inside_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("X-Test", "a {|WHT0002:{inputs.n\u006Fpe}|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Verbatim_string_with_doubled_quotes() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("X-Test", @"say ""hi"" \ {|WHT0002:{inputs.nope}|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Raw_single_line_string() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = """https://example.com/"a"/{|WHT0002:{inputs.nope}|}""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task Raw_multi_line_string_with_lf() => Verify.Analyzer(MultiLine.Replace("\r\n", "\n"));

    [Fact]
    public Task Raw_multi_line_string_with_crlf() => Verify.Analyzer(MultiLine.Replace("\r\n", "\n").Replace("\n", "\r\n"));

    [Fact]
    public Task Raw_multi_line_string_with_a_blank_line_and_deeper_indentation() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """
                {

                  "text": "{|WHT0002:{inputs.nope}|}",
                    "more": "{|WHT0002:{inputs.other}|}"
                }
                """)]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task Json_escapes_in_data_are_mapped_back_to_the_source() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """{ "text": "a\"b\u0041 {|WHT0002:{inputs.nope}|}" }""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task Json_and_csharp_escapes_combine_in_a_regular_string() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"text\": \"\\\"x\\\" {|WHT0002:{inputs.nope}|}\" }")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Constant_concatenation_falls_back_to_the_whole_argument() => Verify.Analyzer("""
        using WebhookTasks;

        public static class Endpoints
        {
            public const string Base = "https://example.com";
        }

        [WebhookTask("t", Url = {|WHT0002:Endpoints.Base + "/{inputs.nope}"|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Constant_reference_falls_back_to_the_whole_argument() => Verify.Analyzer("""
        using WebhookTasks;

        public static class Endpoints
        {
            public const string Items = "https://example.com/{inputs.nope}";
        }

        [WebhookTask("t", Url = {|WHT0002:Endpoints.Items|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Named_constructor_argument_is_found_by_name() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header(value: "{|WHT0002:{inputs.nope}|}", name: "X-Test")]
        public partial class Hook
        {
        }
        """);

    private const string MultiLine = """"
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """
            {
              "text": "{|WHT0002:{inputs.nope}|}"
            }
            """)]
        public partial class Hook
        {
        }
        """";
}
