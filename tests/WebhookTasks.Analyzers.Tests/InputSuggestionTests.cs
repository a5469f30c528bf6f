using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookTasks.Symbols;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

public class InputSuggestionTests
{
    [Theory]
    [InlineData("itemid", "item_id")]
    [InlineData("ItemId", "item_id")]
    [InlineData("item__id", "item_id")]
    [InlineData("custmer", "Customer")]
    [InlineData("costumer", "Customer")]
    public void Suggests_the_nearest_input(string written, string expected) =>
        Assert.Equal(expected, InputSuggestion.Find(written, Inputs()));

    [Theory]
    [InlineData("zzz")]
    [InlineData("name")]
    [InlineData("cust")]
    public void Suggests_nothing_when_no_input_is_near(string written) =>
        Assert.Null(InputSuggestion.Find(written, Inputs()));

    private static IReadOnlyList<InputDeclaration> Inputs()
    {
        var compilation = CSharpCompilation.Create("Inputs", new[] { CSharpSyntaxTree.ParseText("""
            public class Hook
            {
                public int ItemId { get; set; }
                public string Customer { get; set; }
            }
            """) });
        var type = compilation.GetTypeByMetadataName("Hook")!;
        var properties = type.GetMembers().OfType<IPropertySymbol>().ToDictionary(p => p.Name);
        return new[]
        {
            new InputDeclaration("item_id", properties["ItemId"], null),
            new InputDeclaration("Customer", properties["Customer"], null),
        };
    }
}
