using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WebhookTasks.CodeFixes;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>Each code fix: the source with its diagnostic, the fix applied, and the exact text it produces.</summary>
public class CodeFixTests
{
    [Fact]
    public Task Make_partial_adds_the_modifier_after_the_others() => VerifyFix.Fix<MakePartialCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public sealed class {|WHT0001:Hook|}
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public sealed partial class Hook
        {
        }
        """, MakePartialCodeFix.EquivalenceKey);

    [Fact]
    public Task Make_partial_on_a_class_without_modifiers_keeps_its_indentation() => VerifyFix.Fix<MakePartialCodeFix>("""
        using WebhookTasks;

        namespace App
        {
            [WebhookTask("t", Url = "https://example.com/")]
            class {|WHT0001:Hook|}
            {
            }
        }
        """, """
        using WebhookTasks;

        namespace App
        {
            [WebhookTask("t", Url = "https://example.com/")]
            partial class Hook
            {
            }
        }
        """, MakePartialCodeFix.EquivalenceKey);

    [Fact]
    public Task Make_partial_applies_to_a_record() => VerifyFix.Fix<MakePartialCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public record {|WHT0001:Hook|}
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public partial record Hook
        {
        }
        """, MakePartialCodeFix.EquivalenceKey);

    [Fact]
    public Task Make_partial_fixes_all_containing_types_at_once() => VerifyFix.Fix<MakePartialCodeFix>("""
        using WebhookTasks;

        public static class {|WHT0001:Outer|}
        {
            public class {|WHT0001:Inner|}
            {
                [WebhookTask("t", Url = "https://example.com/")]
                public class {|WHT0001:Hook|}
                {
                }
            }
        }
        """, """
        using WebhookTasks;

        public static partial class Outer
        {
            public partial class Inner
            {
                [WebhookTask("t", Url = "https://example.com/")]
                public partial class Hook
                {
                }
            }
        }
        """, MakePartialCodeFix.EquivalenceKey);

    [Fact]
    public Task Use_suggestion_replaces_only_the_name_in_a_regular_literal() => VerifyFix.Fix<UnknownInputCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/items/{|WHT0002:{inputs.itme:D}|}")]
        public partial class Hook
        {
            public int Item { get; init; }
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/items/{inputs.Item:D}")]
        public partial class Hook
        {
            public int Item { get; init; }
        }
        """, UnknownInputCodeFix.UseSuggestionKey);

    [Fact]
    public Task Use_suggestion_replaces_an_escaped_name_in_a_verbatim_literal() => VerifyFix.Fix<UnknownInputCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = @"https://example.com/", Data = @"{ ""id"": ""{|WHT0002:{inputs.\u0069tme.Length}|}"" }")]
        public partial class Hook
        {
            public string Item { get; init; } = "";
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = @"https://example.com/", Data = @"{ ""id"": ""{inputs.Item.Length}"" }")]
        public partial class Hook
        {
            public string Item { get; init; } = "";
        }
        """, UnknownInputCodeFix.UseSuggestionKey);

    [Fact]
    public Task Use_suggestion_in_a_raw_literal_fixes_every_placeholder_at_once() => VerifyFix.Fix<UnknownInputCodeFix>(""""
        using WebhookTasks;

        [WebhookTask("t", Url = """https://example.com/{|WHT0002:{inputs.custmer}|}/{|WHT0002:{inputs.ordr}|}""")]
        public partial class Hook
        {
            public string Customer { get; init; } = "";
            public string Order { get; init; } = "";
        }
        """", """"
        using WebhookTasks;

        [WebhookTask("t", Url = """https://example.com/{inputs.Customer}/{inputs.Order}""")]
        public partial class Hook
        {
            public string Customer { get; init; } = "";
            public string Order { get; init; } = "";
        }
        """", UnknownInputCodeFix.UseSuggestionKey);

    [Fact]
    public Task Use_suggestion_is_not_offered_for_a_template_built_from_constants()
    {
        var source = """
            using WebhookTasks;

            [WebhookTask("t", Url = {|WHT0002:Hook.Base + "{inputs.itme}"|})]
            public partial class Hook
            {
                public const string Base = "https://example.com/";

                public int Item { get; init; }
            }
            """;
        return VerifyFix.Fix<UnknownInputCodeFix>(source, source, UnknownInputCodeFix.UseSuggestionKey);
    }

    [Fact]
    public Task Add_alias_names_the_near_property_after_the_placeholder() => VerifyFix.Fix<UnknownInputCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/items/{|WHT0002:{inputs.item_id}|}")]
        public partial class Hook
        {
            /// <summary>The item.</summary>
            public int ItemId { get; init; }
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/items/{inputs.item_id}")]
        public partial class Hook
        {
            /// <summary>The item.</summary>
            [Input("item_id")]
            public int ItemId { get; init; }
        }
        """, UnknownInputCodeFix.AddAliasKey);

    [Fact]
    public Task Add_alias_is_not_offered_when_another_placeholder_uses_the_property()
    {
        var source = """
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/items/{|WHT0002:{inputs.item_id}|}?id={inputs.ItemId}")]
            public partial class Hook
            {
                public int ItemId { get; init; }
            }
            """;
        return VerifyFix.Fix<UnknownInputCodeFix>(source, source, UnknownInputCodeFix.AddAliasKey);
    }

    [Fact]
    public Task Add_property_declares_a_string_input_after_the_last_property() => VerifyFix.Fix<UnknownInputCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.id}/{|WHT0002:{inputs.customer}|}")]
        public partial class Hook
        {
            public int Id { get; init; }
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.id}/{inputs.customer}")]
        public partial class Hook
        {
            public int Id { get; init; }
            public string Customer { get; init; } = "";
        }
        """, UnknownInputCodeFix.AddPropertyKey);

    [Fact]
    public Task Add_property_names_a_snake_case_input_with_an_alias() => VerifyFix.Fix<UnknownInputCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0002:{inputs.order_number}|}")]
        public partial class Hook
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.order_number}")]
        public partial class Hook
        {
            [Input("order_number")]
            public string OrderNumber { get; init; } = "";
        }
        """, UnknownInputCodeFix.AddPropertyKey);

    [Fact]
    public Task Add_property_qualifies_the_alias_like_the_task_attribute() => VerifyFix.Fix<UnknownInputCodeFix>("""
        [WebhookTasks.WebhookTask("t", Url = "https://example.com/{|WHT0002:{inputs.order_number}|}")]
        public partial class Hook
        {
        }
        """, """
        [WebhookTasks.WebhookTask("t", Url = "https://example.com/{inputs.order_number}")]
        public partial class Hook
        {
            [WebhookTasks.Input("order_number")]
            public string OrderNumber { get; init; } = "";
        }
        """, UnknownInputCodeFix.AddPropertyKey);

    [Fact]
    public Task Add_property_fixes_all_inputs_of_a_class_once_each() => VerifyFix.Fix<UnknownInputCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{|WHT0002:{inputs.customer}|}/{|WHT0002:{inputs.region}|}?c={|WHT0002:{inputs.Customer}|}")]
        public partial class Hook
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/{inputs.customer}/{inputs.region}?c={inputs.Customer}")]
        public partial class Hook
        {
            public string Customer { get; init; } = "";
            public string Region { get; init; } = "";
        }
        """, UnknownInputCodeFix.AddPropertyKey);

    [Fact]
    public Task Add_property_is_not_offered_when_the_class_has_a_member_of_that_name()
    {
        // A get-only property is not an input; a second 'Customer' would not compile.
        var source = """
            using WebhookTasks;

            [WebhookTask("t", Url = "https://example.com/{|WHT0002:{inputs.customer}|}")]
            public partial class Hook
            {
                public string Customer => "";
            }
            """;
        return VerifyFix.Fix<UnknownInputCodeFix>(source, source, UnknownInputCodeFix.AddPropertyKey);
    }

    [Fact]
    public Task Declare_secret_adds_the_attribute_below_the_others() => VerifyFix.Fix<DeclareSecretCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("Authorization", "Bearer {|WHT0004:{secrets.token}|}")]
        public partial class Hook
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Header("Authorization", "Bearer {secrets.token}")]
        [Secret("token")]
        public partial class Hook
        {
        }
        """, DeclareSecretCodeFix.EquivalenceKey);

    [Fact]
    public Task Remove_unused_secret_removes_its_line() => VerifyFix.Fix<RemoveUnusedSecretCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [Secret({|WHT0018:"token"|})]
        public partial class Hook
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook
        {
        }
        """, RemoveUnusedSecretCodeFix.EquivalenceKey);

    [Fact]
    public Task Remove_unused_secret_keeps_the_comment_before_a_first_attribute() => VerifyFix.Fix<RemoveUnusedSecretCodeFix>("""
        using WebhookTasks;

        // Sends the hook.
        [Secret({|WHT0018:"token"|})]
        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook
        {
        }
        """, """
        using WebhookTasks;

        // Sends the hook.
        [WebhookTask("t", Url = "https://example.com/")]
        public partial class Hook
        {
        }
        """, RemoveUnusedSecretCodeFix.EquivalenceKey);

    [Fact]
    public Task Remove_unused_secret_fixes_all_in_one_list() => VerifyFix.Fix<RemoveUnusedSecretCodeFix>("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"a\": \"{secrets.used}\" }")]
        [Secret({|WHT0018:"old"|}), Secret("used")]
        [Secret({|WHT0018:"older"|})]
        public partial class Hook
        {
        }
        """, """
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/", Data = "{ \"a\": \"{secrets.used}\" }")]
        [Secret("used")]
        public partial class Hook
        {
        }
        """, RemoveUnusedSecretCodeFix.EquivalenceKey);
}
