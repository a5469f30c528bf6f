using System.Threading;
using Microsoft.CodeAnalysis;
using WebhookTasks.Symbols;

namespace WebhookTasks.Analyzers;

/// <summary>
/// A task's name, the class that declares it, and where the name is written (or derived from). Only the
/// name is needed for every task; the class's display name and the location are worked out for a name
/// that another task also uses.
/// </summary>
internal sealed class TaskNameSite
{
    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _attribute;
    private readonly TemplateArgument? _explicitName;
    private string? _typeName;

    public TaskNameSite(string name, INamedTypeSymbol type, AttributeData attribute, TemplateArgument? explicitName)
    {
        Name = name;
        _type = type;
        _attribute = attribute;
        _explicitName = explicitName;
    }

    public string Name { get; }

    public string TypeName => _typeName ??= _type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary>The explicit name argument, else the class identifier, else the attribute.</summary>
    public Location GetLocation(CancellationToken cancellationToken)
    {
        if (_explicitName is { } name
            && TemplateLocation.FindArgument(name.Attribute, "", 0, cancellationToken) is { } argument)
        {
            return argument.GetLocation();
        }

        foreach (var location in _type.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return TemplateLocation.AttributeLocation(_attribute, _type, cancellationToken);
    }
}
