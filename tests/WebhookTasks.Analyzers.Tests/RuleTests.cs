using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>One test per rule: the source that triggers it, with the exact span it must cover.</summary>
public class RuleTests
{
    [Fact]
    public Task WHT0001_class_not_partial_is_reported_on_its_identifier() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public class {|WHT0001:Hook|}
        {
        }
        """);

    [Fact]
    public Task WHT0001_containing_type_not_partial_is_reported_on_the_containing_type() => Verify.Analyzer("""
        using WebhookTasks;

        public class {|WHT0001:Outer|}
        {
            [WebhookTask("t", Url = "https://example.com/")]
            public partial class Hook
            {
            }
        }
        """);

    [Fact]
    public Task WHT0002_unknown_input_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/items/{|WHT0002:{inputs.missing}|}")]
        public partial class Hook
        {
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task WHT0002_message_suggests_the_input_alias_when_the_property_name_is_used()
    {
        var test = Verify.Test("""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/items/{|#0:{inputs.itemid}|}")]
            public partial class Hook
            {
                [Input("item_id")]
                public int ItemId { get; init; }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.UnknownInput)
            .WithLocation(0)
            .WithArguments("{inputs.itemid}", "Hook", "did you mean '{inputs.item_id}'?")
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WHT0002_carries_the_suggestion_in_its_properties()
    {
        var diagnostics = await Verify.Diagnostics("""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/items/{inputs.itme}")]
            public partial class Hook
            {
                public int Item { get; init; }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("WHT0002", diagnostic.Id);
        Assert.Equal("Item", diagnostic.Properties[DiagnosticDescriptors.SuggestionProperty]);
    }

    [Fact]
    public async Task WHT0002_without_a_near_input_has_no_suggestion()
    {
        var diagnostics = await Verify.Diagnostics("""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/items/{inputs.customer}")]
            public partial class Hook
            {
                public int Item { get; init; }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.False(diagnostic.Properties.ContainsKey(DiagnosticDescriptors.SuggestionProperty));
        Assert.Contains("add a public settable property named 'customer'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public Task WHT0004_undeclared_secret_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "{|WHT0004:{secrets.slack_url}|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0004_a_secret_declared_with_other_case_is_still_undeclared() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Secret("Token")]
        [Header("Authorization", "Bearer {|WHT0004:{secrets.token}|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0005_scheme_other_than_http_covers_the_scheme() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "{|WHT0005:ftp|}://example.com/")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0005_relative_url_covers_the_whole_url() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "{|WHT0005:/hooks/a|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0005_placeholder_in_the_scheme_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "{|WHT0005:{inputs.scheme}|}://example.com/")]
        public partial class Hook
        {
            public string Scheme { get; init; } = "";
        }
        """);

    [Fact]
    public Task WHT0005_user_information_covers_it() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://{|WHT0005:user:pw@|}example.com/")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0005_invalid_host_covers_the_host() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://{|WHT0005:[::zz]|}/")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0005_port_out_of_range_covers_the_port() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com{|WHT0005::99999|}/")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0005_placeholder_in_the_port_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com:{|WHT0005:{inputs.port}|}/")]
        public partial class Hook
        {
            public int Port { get; init; }
        }
        """);

    [Fact]
    public Task WHT0005_bad_percent_escape_covers_the_percent_sign() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/a{|WHT0005:%|}zz")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0006_invalid_json_is_reported_at_the_json_error() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"a\": {|WHT0006:'|}x' }")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0006_data_that_is_not_an_object_covers_the_value() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{|WHT0006:[1, 2]|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0007_nested_object_in_get_data_covers_the_object() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Method = WebhookMethod.Get,
            Data = """{ "a": {|WHT0007:{ "b": 1 }|} }""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task WHT0007_array_inside_an_array_in_delete_data_covers_the_inner_array() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Method = WebhookMethod.Delete,
            Data = """{ "a": [1, {|WHT0007:[2]|}] }""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task WHT0007_is_not_reported_for_nested_data_in_a_post_body() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """{ "a": { "b": [1, [2]] } }""")]
        public partial class Hook
        {
        }
        """");

    [Fact]
    public Task WHT0008_unknown_member_covers_the_placeholder() => Verify.Analyzer("""
        using System;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0008:{inputs.when.Century}|}")]
        public partial class Hook
        {
            public DateTime When { get; init; }
        }
        """);

    [Fact]
    public Task WHT0008_is_not_reported_for_a_member_of_a_nullable_value() => Verify.Analyzer("""
        using System;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.when.Year}")]
        public partial class Hook
        {
            public DateTime? When { get; init; }
        }
        """);

    [Fact]
    public Task WHT0009_format_on_a_string_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0009:{inputs.name:N2}|}")]
        public partial class Hook
        {
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task WHT0009_is_not_reported_for_a_format_on_a_date() => Verify.Analyzer("""
        using System;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.when:yyyy-MM-dd}")]
        public partial class Hook
        {
            public DateTime When { get; init; }
        }
        """);

    [Fact]
    public Task WHT0010_collection_in_a_path_segment_covers_the_placeholder() => Verify.Analyzer("""
        using System.Collections.Generic;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0010:{inputs.ids}|}")]
        public partial class Hook
        {
            public List<int> Ids { get; init; } = new();
        }
        """);

    [Fact]
    public Task WHT0010_collection_inside_longer_data_text_covers_the_placeholder() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = """{ "text": "ids: {|WHT0010:{inputs.ids}|}" }""")]
        public partial class Hook
        {
            public int[] Ids { get; init; } = [];
        }
        """");

    [Fact]
    public Task WHT0010_collection_of_objects_as_a_query_value_covers_the_placeholder() => Verify.Analyzer("""
        using System.Collections.Generic;
        using WebhookTasks;

        public sealed class Item
        {
            public int Id { get; init; }
        }

        [WebhookTask("t", Url = "https://example.com/?items={|WHT0010:{inputs.items}|}")]
        public partial class Hook
        {
            public List<Item> Items { get; init; } = new();
        }
        """);

    [Fact]
    public Task WHT0010_is_not_reported_for_collections_as_whole_query_and_data_values() => Verify.Analyzer(""""
        using System.Collections.Generic;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/?id={inputs.ids}", Data = """{ "ids": "{inputs.ids}" }""")]
        public partial class Hook
        {
            public List<int> Ids { get; init; } = new();
        }
        """");

    [Fact]
    public Task WHT0011_invalid_header_name_covers_the_name_argument() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header({|WHT0011:"Content Type"|}, "application/json")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0012_task_without_url_is_reported_on_the_attribute() => Verify.Analyzer("""
        using WebhookTasks;

        [{|WHT0012:WebhookTask("t")|}]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0012_empty_url_is_reported_on_the_argument() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = {|WHT0012:""|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0013_method_outside_the_enum_covers_the_argument() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Method = {|WHT0013:(WebhookMethod)7|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0014_fragment_is_a_warning_covering_the_fragment() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/page{|WHT0014:#top|}")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0015_generic_task_class_is_reported_on_its_identifier() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public partial class {|WHT0015:Hook|}<T>
        {
        }
        """);

    [Fact]
    public Task WHT0015_task_class_inside_a_generic_type_is_reported_on_its_identifier() => Verify.Analyzer("""
        using WebhookTasks;

        public partial class Outer<T>
        {
            [WebhookTask("t", Url = "https://example.com/")]
            public partial class {|WHT0015:Hook|}
            {
            }
        }
        """);

    [Fact]
    public Task WHT0015_static_task_class_is_reported_on_its_identifier() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public static partial class {|WHT0015:Hook|}
        {
        }
        """);

    [Fact]
    public Task WHT0016_inputs_differing_in_case_are_reported_on_the_second_alias() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.id}")]
        public partial class Hook
        {
            public int Id { get; init; }

            [Input({|WHT0016:"ID"|})]
            public int Other { get; init; }
        }
        """);

    [Fact]
    public Task WHT0016_properties_differing_in_case_are_reported_on_the_second_property() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.id}")]
        public partial class Hook
        {
            public int Id { get; init; }

            public int {|WHT0016:ID|} { get; init; }
        }
        """);

    [Fact]
    public Task WHT0017_input_no_template_uses_is_a_warning_on_the_property() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.id}")]
        public partial class Hook
        {
            public int Id { get; init; }

            public string {|WHT0017:Note|} { get; init; } = "";
        }
        """);

    [Fact]
    public Task WHT0017_is_not_reported_for_an_input_inherited_from_a_base_class() => Verify.Analyzer("""
        using WebhookTasks;

        public abstract class TaskBase
        {
            public string Tenant { get; init; } = "";
        }

        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook : TaskBase
        {
        }
        """);

    [Fact]
    public Task WHT0018_secret_no_template_uses_is_a_warning_on_its_name() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Secret({|WHT0018:"token"|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Unused_names_are_not_reported_while_a_placeholder_names_nothing() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0002:{inputs.nam}|}/{|WHT0004:{secrets.tokn}|}")]
        [Secret("token")]
        public partial class Hook
        {
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task Unused_names_are_not_reported_while_a_template_is_malformed() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{{|WHT0003:input|}.name}")]
        public partial class Hook
        {
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task WHT0019_duplicate_task_names_are_reported_on_each_name_argument() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask({|WHT0019:"notify"|}, Url = "https://example.com/a")]
        public partial class First
        {
        }

        [WebhookTask({|WHT0019:"Notify"|}, Url = "https://example.com/b")]
        public partial class Second
        {
        }
        """);

    [Fact]
    public Task WHT0019_a_derived_name_is_reported_on_the_class_identifier()
    {
        var test = Verify.Test("""
            using WebhookTasks;

            [WebhookTask({|#0:"send-report"|}, Url = "https://example.com/a")]
            public partial class First
            {
            }

            [WebhookTask(Url = "https://example.com/b")]
            public partial class {|#1:SendReport|}
            {
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.DuplicateTaskName)
            .WithLocation(0).WithArguments("send-report", "SendReport"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.DuplicateTaskName)
            .WithLocation(1).WithArguments("send-report", "First"));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task WHT0019_tasks_in_different_namespaces_still_share_the_compilation() => Verify.Analyzer("""
        using WebhookTasks;

        namespace A
        {
            [WebhookTask(Url = "https://example.com/a")]
            public partial class {|WHT0019:Ping|}
            {
            }
        }

        namespace B
        {
            [WebhookTask(Url = "https://example.com/b")]
            public partial class {|WHT0019:Ping|}
            {
            }
        }
        """);

    [Fact]
    public Task WHT0020_secret_in_the_url_query_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/hook?token={|WHT0020:{secrets.token}|}")]
        [Secret("token")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0020_secret_in_a_shown_url_path_is_reported() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/hooks/{|WHT0020:{secrets.key}|}", ShowUrl = true)]
        [Secret("key")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0020_secret_in_a_path_that_is_not_shown_is_fine() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/hooks/{secrets.key}")]
        [Secret("key")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0020_a_secret_that_is_the_whole_shown_url_is_fine() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "{secrets.slack_url}", ShowUrl = true)]
        [Secret("slack_url")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0020_secret_in_get_data_is_in_the_query() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Method = WebhookMethod.Get,
            Data = "{ \"key\": \"{|WHT0020:{secrets.key}|}\" }")]
        [Secret("key")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0020_secret_in_post_data_is_the_body_and_fine() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"key\": \"{secrets.key}\" }")]
        [Secret("key")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0020_message_says_to_send_the_secret_in_a_header()
    {
        var test = Verify.Test("""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/?t={|#0:{secrets.token}|}")]
            [Secret("token")]
            public partial class Hook
            {
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.SecretInUrl)
            .WithLocation(0).WithArguments("{secrets.token}", "the URL's query"));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task WHT0021_a_header_declared_twice_ignoring_case_is_reported_on_the_second_name() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("X-Source", "a")]
        [Header({|WHT0021:"x-source"|}, "b")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0022_placeholder_in_a_header_name_covers_the_placeholder() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.name}")]
        [Header("X-{|WHT0022:{inputs.name}|}", "1")]
        public partial class Hook
        {
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task WHT0023_a_header_the_transport_sets_is_reported_on_its_name() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header({|WHT0023:"Content-Length"|}, "10")]
        [Header({|WHT0023:"host"|}, "example.org")]
        [Header("Content-Type", "application/json")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0024_a_pointer_input_is_reported_on_the_property()
    {
        var test = Verify.Test("""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/")]
            public unsafe partial class Hook
            {
                public int* {|WHT0017:{|WHT0024:Count|}|} { get; set; }
            }
            """);
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId, ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public Task WHT0024_a_delegate_in_a_template_covers_the_placeholder() => Verify.Analyzer("""
        using System;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"callback\": \"{|WHT0024:{inputs.callback}|}\" }")]
        public partial class Hook
        {
            public Func<int> Callback { get; init; } = () => 1;
        }
        """);

    [Fact]
    public Task WHT0024_a_reflection_type_reached_by_a_member_path_is_reported() => Verify.Analyzer("""
        using System;
        using WebhookTasks;

        public sealed class Item
        {
            public Type Kind { get; init; } = typeof(int);
        }

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"kind\": \"{|WHT0024:{inputs.item.Kind}|}\" }")]
        public partial class Hook
        {
            public Item Item { get; init; } = new();
        }
        """);

    [Fact]
    public Task WHT0024_a_collection_of_delegates_is_reported() => Verify.Analyzer("""
        using System;
        using System.Collections.Generic;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"all\": \"{|WHT0024:{inputs.handlers}|}\" }")]
        public partial class Hook
        {
            public List<Action> Handlers { get; init; } = new();
        }
        """);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("2147484")]
    public Task WHT0025_timeout_out_of_range_is_reported_on_its_value(string seconds) => Verify.Analyzer($$"""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", TimeoutSeconds = {|WHT0025:{{seconds}}|})]
        public partial class Hook
        {
        }
        """);

    [Theory]
    [InlineData("1")]
    [InlineData("2147483")]
    public Task WHT0025_timeouts_at_the_ends_of_the_range_are_fine(string seconds) => Verify.Analyzer($$"""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", TimeoutSeconds = {{seconds}})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0026_a_user_member_named_like_a_generated_one_is_reported_on_it() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook
        {
            public string {|WHT0026:Render|}() => "";

            public static int {|WHT0026:Descriptor|} => 1;
        }
        """);

    [Fact]
    public Task WHT0026_a_user_member_in_another_part_of_the_class_is_reported() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook
        {
        }

        public partial class Hook
        {
            public Task {|WHT0026:InvokeAsync|}() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task WHT0027_a_line_feed_in_a_header_value_covers_its_escape() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("X-Note", "a{{b}}{|WHT0027:\n|}c")]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task WHT0026_an_explicit_implementation_of_IWebhookTask_is_reported() => Verify.Analyzer("""
        using System.Threading;
        using System.Threading.Tasks;
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook : IWebhookTask
        {
            WebhookTaskDescriptor IWebhookTask.{|WHT0026:Descriptor|} => null!;

            WebhookRequest IWebhookTask.{|WHT0026:Render|}(WebhookClient? client) => null!;

            Task<WebhookResult> IWebhookTask.{|WHT0026:InvokeAsync|}(WebhookClient? client, CancellationToken token) => null!;
        }
        """);

    [Fact]
    public Task WHT0026_is_not_reported_on_the_members_the_generator_adds()
    {
        // The analyzer sees the generator's output in the IDE and in a build, and must say nothing about it.
        const string source = """
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/{inputs.id}")]
            public partial class Hook
            {
                public int Id { get; init; }
            }
            """;
        var generated = Assert.Single(CSharpGeneratorDriver.Create(new WebhookTasks.Generator.WebhookTaskGenerator())
            .RunGenerators(Verify.Compile(source), TestContext.Current.CancellationToken)
            .GetRunResult().GeneratedTrees).ToString();
        Assert.Contains("Render(", generated, StringComparison.Ordinal);

        var test = Verify.Test(source);
        test.TestState.Sources.Add(("Hook.g.cs", generated));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("item id", "item_id")]
    [InlineData("1st", "_1st")]
    [InlineData("", "_")]
    public Task WHT0028_an_input_name_no_placeholder_can_spell_is_reported_on_the_alias(string name, string suggestion)
    {
        var test = Verify.Test($$"""
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/")]
            public partial class Hook
            {
                [Input({|#0:"{{name}}"|})]
                public int Item { get; init; }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InvalidInputName)
            .WithLocation(0).WithArguments(name, suggestion));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Every_rule_has_a_help_link_to_its_page_and_the_product_category()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var page = $"https://github.com/webhooktasks/webhooktasks/blob/main/docs/diagnostics/{descriptor.Id}.md";
            Assert.Equal(page, descriptor.HelpLinkUri);
            Assert.Equal("WebhookTasks", descriptor.Category);
        }

        Assert.Equal(DiagnosticDescriptors.All.Length, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        var warnings = new[]
        {
            DiagnosticIds.UrlFragment, DiagnosticIds.UnusedInput, DiagnosticIds.UnusedSecret, DiagnosticIds.SecretInUrl,
            DiagnosticIds.DuplicateHeader, DiagnosticIds.TransportHeader,
        };
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(
            warnings.Contains(d.Id) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.DefaultSeverity));
    }
}
