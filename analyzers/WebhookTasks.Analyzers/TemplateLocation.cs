using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using WebhookTasks.Symbols;
using WebhookTasks.Templates;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Turns a span of a template's text into a source location: the exact characters inside the string
/// literal when the argument is one literal, else the whole argument expression (a constant such as
/// <c>Base + "/x"</c> has no characters of its own to point at). Nothing is looked up until a location is
/// asked for, which for a task without problems is never.
/// </summary>
internal sealed class TemplateLocation
{
    private readonly TemplateArgument _argument;
    private readonly INamedTypeSymbol _type;
    private readonly CancellationToken _cancellationToken;
    private bool _found;
    private SyntaxTree? _tree;
    private LiteralMap? _map;
    private Location? _whole;

    private TemplateLocation(TemplateArgument argument, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        _argument = argument;
        _type = type;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The location of the whole argument.</summary>
    public Location Whole
    {
        get
        {
            Find();
            return _whole!;
        }
    }

    /// <summary>
    /// The template written as <paramref name="argument"/>; when its expression cannot be found, locations fall
    /// back to its attribute (see <see cref="AttributeLocation"/>).
    /// </summary>
    public static TemplateLocation Of(TemplateArgument argument, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        new(argument, type, cancellationToken);

    /// <summary>
    /// The location of <paramref name="length"/> characters of the template's text from <paramref name="start"/>.
    /// </summary>
    public Location Locate(int start, int length)
    {
        Find();
        if (_map is null || _tree is null)
        {
            return _whole!;
        }

        var positions = _map.Positions;
        var from = positions[Clamp(start, positions.Length)];
        var to = positions[Clamp(start + length, positions.Length)];
        return Location.Create(_tree, TextSpan.FromBounds(from, System.Math.Max(from, to)));
    }

    /// <summary>An attribute as written, else the type's first location.</summary>
    public static Location AttributeLocation(AttributeData attribute, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
        ?? (type.Locations.Length > 0 ? type.Locations[0] : Location.None);

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

        var arguments = list.Arguments;
        if (name.Length > 0)
        {
            foreach (var argument in arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        var parameters = attribute.AttributeConstructor?.Parameters;
        var parameterName = parameters is { } p && index >= 0 && index < p.Length ? p[index].Name : null;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is { } colon && colon.Name.Identifier.ValueText == parameterName)
            {
                return argument.Expression;
            }
        }

        var positional = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (positional++ == index)
            {
                return argument.NameColon is null ? argument.Expression : null;
            }
        }

        return null;
    }

    private void Find()
    {
        if (_found)
        {
            return;
        }

        _found = true;
        var expression = FindArgument(_argument.Attribute, _argument.ArgumentName, _argument.ArgumentIndex, _cancellationToken);
        if (expression is null)
        {
            _whole = AttributeLocation(_argument.Attribute, _type, _cancellationToken);
            return;
        }

        var map = expression is LiteralExpressionSyntax literal ? LiteralMap.Build(literal.Token) : null;

        // A map that does not reproduce the constant would point at the wrong characters.
        _map = map is not null && map.Value == _argument.Text ? map : null;
        _tree = expression.SyntaxTree;
        _whole = expression.GetLocation();
    }

    private static int Clamp(int index, int count) => index < 0 ? 0 : index >= count ? count - 1 : index;
}

/// <summary>
/// Locates spans of one parsed template: a URL or header value directly in its argument, a string of
/// <c>Data</c> through its JSON escapes first. A value, so passing one around allocates nothing.
/// </summary>
internal readonly struct TemplateSpans
{
    private readonly TemplateLocation _location;
    private readonly JsonStringNode? _text;

    public TemplateSpans(TemplateLocation location, JsonStringNode? text = null)
    {
        _location = location;
        _text = text;
    }

    public Location Locate(int start, int length)
    {
        if (_text is null)
        {
            return _location.Locate(start, length);
        }

        var (dataStart, dataLength) = _text.MapSpan(start, length);
        return _location.Locate(dataStart, dataLength);
    }
}
