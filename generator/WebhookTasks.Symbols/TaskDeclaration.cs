using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace WebhookTasks.Symbols;

/// <summary>A constant string argument of an attribute, with the attribute it came from.</summary>
internal sealed class TemplateArgument
{
    public TemplateArgument(string text, AttributeData attribute, string argumentName, int argumentIndex)
    {
        Text = text;
        Attribute = attribute;
        ArgumentName = argumentName;
        ArgumentIndex = argumentIndex;
    }

    public string Text { get; }

    public AttributeData Attribute { get; }

    /// <summary>The named argument (<c>Url</c>, <c>Data</c>), or empty for a constructor argument.</summary>
    public string ArgumentName { get; }

    /// <summary>The constructor argument's index, or -1 for a named argument.</summary>
    public int ArgumentIndex { get; }
}

internal sealed class HeaderDeclaration
{
    public HeaderDeclaration(string name, TemplateArgument value, AttributeData attribute)
    {
        Name = name;
        Value = value;
        Attribute = attribute;
    }

    public string Name { get; }

    public TemplateArgument Value { get; }

    public AttributeData Attribute { get; }
}

internal sealed class SecretDeclaration
{
    public SecretDeclaration(string name, AttributeData attribute)
    {
        Name = name;
        Attribute = attribute;
    }

    public string Name { get; }

    public AttributeData Attribute { get; }
}

internal sealed class InputDeclaration
{
    public InputDeclaration(string name, IPropertySymbol property, AttributeData? inputAttribute)
    {
        Name = name;
        Property = property;
        InputAttribute = inputAttribute;
    }

    /// <summary>The input's name in templates: the <c>[Input]</c> name, else the property's.</summary>
    public string Name { get; }

    public IPropertySymbol Property { get; }

    public AttributeData? InputAttribute { get; }
}

/// <summary>
/// A webhook task as declared: the class and the constant arguments of its attributes, read the same
/// way by the generator and the analyzers. Reading never throws; arguments that are missing or not
/// constant are simply absent.
/// </summary>
internal sealed class TaskDeclaration
{
    public const string WebhookTaskAttributeName = "WebhookTasks.WebhookTaskAttribute";
    public const string HeaderAttributeName = "WebhookTasks.HeaderAttribute";
    public const string SecretAttributeName = "WebhookTasks.SecretAttribute";
    public const string InputAttributeName = "WebhookTasks.InputAttribute";

    private const string Namespace = "WebhookTasks";

    /// <summary>The values of <c>WebhookMethod</c>, by their constant.</summary>
    public static readonly string[] Methods = { "GET", "POST", "PUT", "PATCH", "DELETE" };

    private TaskDeclaration(INamedTypeSymbol type, AttributeData attribute)
    {
        Type = type;
        Attribute = attribute;
    }

    public INamedTypeSymbol Type { get; }

    public AttributeData Attribute { get; }

    /// <summary>The name given to the attribute, or <see langword="null"/> when it is derived from the class.</summary>
    public TemplateArgument? ExplicitName { get; private set; }

    public string Name => ExplicitName?.Text ?? KebabCase(Type.Name);

    public TemplateArgument? Url { get; private set; }

    /// <summary>The method, upper case; <see langword="null"/> when the argument is not a known constant.</summary>
    public string? Method { get; private set; } = "POST";

    public TemplateArgument? Data { get; private set; }

    public bool ShowData { get; private set; }

    public bool ShowUrl { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The timeout when set explicitly, else <see langword="null"/> (the client's default, 10 s).</summary>
    public int? TimeoutSeconds { get; private set; }

    public List<HeaderDeclaration> Headers { get; } = new();

    public List<SecretDeclaration> Secrets { get; } = new();

    public List<InputDeclaration> Inputs { get; } = new();

    public bool SendsBody => Method is not ("GET" or "DELETE");

    public static TaskDeclaration Read(INamedTypeSymbol type, AttributeData attribute)
    {
        var task = new TaskDeclaration(type, attribute);
        task.ReadTaskAttribute();
        foreach (var other in type.GetAttributes())
        {
            if (IsAttribute(other, "HeaderAttribute")
                && other.ConstructorArguments.Length == 2
                && other.ConstructorArguments[0].Value is string headerName
                && other.ConstructorArguments[1].Value is string headerValue)
            {
                task.Headers.Add(new HeaderDeclaration(headerName, new TemplateArgument(headerValue, other, "", 1), other));
            }
            else if (IsAttribute(other, "SecretAttribute")
                     && other.ConstructorArguments.Length == 1
                     && other.ConstructorArguments[0].Value is string secretName)
            {
                task.Secrets.Add(new SecretDeclaration(secretName, other));
            }
        }

        task.ReadInputs();
        return task;
    }

    /// <summary>
    /// Whether an attribute's class is <c>WebhookTasks.</c><paramref name="name"/>: the same test as comparing its
    /// display string with the full name, without building that string for every attribute of every type.
    /// </summary>
    public static bool IsAttribute(AttributeData attribute, string name) =>
        attribute.AttributeClass is { Arity: 0, ContainingType: null } type
        && type.Name == name
        && type.ContainingNamespace is { Name: Namespace } ns
        && ns.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>The input a placeholder names, matched ignoring case as ASP.NET route parameters are.</summary>
    public InputDeclaration? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, System.StringComparison.OrdinalIgnoreCase));

    public SecretDeclaration? FindSecret(string name) =>
        Secrets.FirstOrDefault(s => s.Name == name);

    /// <summary><c>GetWithParams</c> becomes <c>get-with-params</c>.</summary>
    public static string KebabCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var beforeLower = i > 0 && i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]);
                if (afterLower || beforeLower)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c == '_' ? '-' : c);
            }
        }

        return text.ToString();
    }

    private void ReadTaskAttribute()
    {
        if (Attribute.ConstructorArguments.Length == 1 && Attribute.ConstructorArguments[0].Value is string name)
        {
            ExplicitName = new TemplateArgument(name, Attribute, "", 0);
        }

        foreach (var argument in Attribute.NamedArguments)
        {
            var value = argument.Value;
            switch (argument.Key)
            {
                case "Url" when value.Value is string url:
                    Url = new TemplateArgument(url, Attribute, "Url", -1);
                    break;
                case "Data" when value.Value is string data:
                    Data = new TemplateArgument(data, Attribute, "Data", -1);
                    break;
                case "Method":
                    Method = value.Value is int method && method >= 0 && method < Methods.Length ? Methods[method] : null;
                    break;
                case "ShowData" when value.Value is bool showData:
                    ShowData = showData;
                    break;
                case "ShowUrl" when value.Value is bool showUrl:
                    ShowUrl = showUrl;
                    break;
                case "Description" when value.Value is string description:
                    Description = description;
                    break;
                case "TimeoutSeconds" when value.Value is int timeout:
                    TimeoutSeconds = timeout;
                    break;
            }
        }
    }

    private void ReadInputs()
    {
        var seen = new HashSet<string>();
        for (var current = Type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol property
                    || property.IsStatic
                    || property.IsIndexer
                    || property.DeclaredAccessibility != Accessibility.Public
                    || property.SetMethod is null
                    || property.SetMethod.DeclaredAccessibility != Accessibility.Public
                    || property.IsImplicitlyDeclared
                    || !seen.Add(property.Name))
                {
                    continue;
                }

                AttributeData? inputAttribute = null;
                var name = property.Name;
                foreach (var attribute in property.GetAttributes())
                {
                    if (IsAttribute(attribute, "InputAttribute"))
                    {
                        inputAttribute = attribute;
                        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string alias)
                        {
                            name = alias;
                        }
                    }
                }

                Inputs.Add(new InputDeclaration(name, property, inputAttribute));
            }
        }
    }
}
