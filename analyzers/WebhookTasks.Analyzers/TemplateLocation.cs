using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using WebhookTasks.Symbols;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Turns a span of a template's text into a source location: the exact characters inside the string
/// literal when the argument is one literal, else the whole argument expression (a constant such as
/// <c>Base + "/x"</c> has no characters of its own to point at).
/// </summary>
internal sealed class TemplateLocation
{
    private readonly SyntaxTree? _tree;
    private readonly LiteralMap? _map;
    private readonly Location _whole;

    private TemplateLocation(SyntaxTree? tree, LiteralMap? map, Location whole)
    {
        _tree = tree;
        _map = map;
        _whole = whole;
    }

    /// <summary>The location of the whole argument.</summary>
    public Location Whole => _whole;

    public static TemplateLocation Of(TemplateArgument argument, Location fallback, CancellationToken cancellationToken)
    {
        var expression = FindArgument(
            argument.Attribute, argument.ArgumentName, argument.ArgumentIndex, cancellationToken);
        if (expression is null)
        {
            return new TemplateLocation(null, null, fallback);
        }

        var map = expression is LiteralExpressionSyntax literal ? LiteralMap.Build(literal.Token) : null;

        // A map that does not reproduce the constant would point at the wrong characters.
        if (map is not null && map.Value != argument.Text)
        {
            map = null;
        }

        return new TemplateLocation(expression.SyntaxTree, map, expression.GetLocation());
    }

    /// <summary>
    /// The location of <paramref name="length"/> characters of the template's text from <paramref name="start"/>.
    /// </summary>
    public Location Locate(int start, int length)
    {
        if (_map is null || _tree is null)
        {
            return _whole;
        }

        var positions = _map.Positions;
        var from = positions[Clamp(start, positions.Length)];
        var to = positions[Clamp(start + length, positions.Length)];
        return Location.Create(_tree, TextSpan.FromBounds(from, System.Math.Max(from, to)));
    }

    /// <summary>
    /// The expression of an attribute argument: the named argument <paramref name="name"/> (<c>Url = ...</c>),
    /// or, when <paramref name="name"/> is empty, the constructor argument at <paramref name="index"/>.
    /// </summary>
    public static ExpressionSyntax? FindArgument(
        AttributeData attribute, string name, int index, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        if (syntax is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        if (name.Length > 0)
        {
            return list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression;
        }

        var parameters = attribute.AttributeConstructor?.Parameters;
        var parameterName = parameters is { } p && index >= 0 && index < p.Length ? p[index].Name : null;
        var byName = list.Arguments.FirstOrDefault(
            a => a.NameColon is { } colon && colon.Name.Identifier.ValueText == parameterName);
        if (byName is not null)
        {
            return byName.Expression;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
        return index >= 0 && index < positional.Count && positional[index].NameColon is null
            ? positional[index].Expression
            : null;
    }

    private static int Clamp(int index, int count) => index < 0 ? 0 : index >= count ? count - 1 : index;
}
