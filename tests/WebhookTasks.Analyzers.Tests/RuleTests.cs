using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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
            .WithArguments("{inputs.itemid}", "Hook", "did you mean '{inputs.item_id}'?"));
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
    public void Every_rule_has_a_help_link_to_its_page_and_the_product_category()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var page = $"https://github.com/webhooktasks/webhooktasks/blob/main/docs/diagnostics/{descriptor.Id}.md";
            Assert.Equal(page, descriptor.HelpLinkUri);
            Assert.Equal("WebhookTasks", descriptor.Category);
        }

        Assert.Equal(DiagnosticDescriptors.All.Length, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        var warnings = new[] { DiagnosticIds.UrlFragment, DiagnosticIds.UnusedInput, DiagnosticIds.UnusedSecret };
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(
            warnings.Contains(d.Id) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.DefaultSeverity));
    }
}
