using WebhookTasks.Symbols;

namespace WebhookTasks.Generator.Model;

/// <summary>
/// A task as its class declares it: what the generator reads from the symbols, and nothing it computes
/// from that. It is the only value the <c>ForAttributeWithMetadataName</c> transform makes, which Roslyn
/// runs again after every edit; planning the render (<see cref="TaskSpec"/>) follows in a step that
/// Roslyn skips while this value stays equal, that is after any edit that leaves the declaration alone.
/// </summary>
/// <param name="HintName">The generated file's stable name, from the namespace and containing types.</param>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The types the class is nested in, outermost first.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c> or <c>record</c>.</param>
/// <param name="ClassName">The class's name as declared (not escaped).</param>
/// <param name="TaskName">The task's name, given or derived from the class.</param>
/// <param name="Method">The HTTP method, upper case; <see langword="null"/> when it is not a known constant.</param>
/// <param name="Url">The URL template, or <see langword="null"/> when there is no constant one.</param>
/// <param name="Data">The <c>Data</c> template, or <see langword="null"/>.</param>
/// <param name="Headers">The declared headers, in order.</param>
/// <param name="Secrets">The declared secrets' names, in order.</param>
/// <param name="Description">The description, if any.</param>
/// <param name="ShowData">Whether results carry the sent data.</param>
/// <param name="ShowUrl">Whether results carry the URL.</param>
/// <param name="TimeoutSeconds">The explicit timeout, if any.</param>
/// <param name="Inputs">The inputs in declaration order.</param>
/// <param name="CanConstruct">Whether the static overload can create the class with an object initializer.</param>
internal sealed record DeclaredTask(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Keyword,
    string ClassName,
    string TaskName,
    string? Method,
    string? Url,
    string? Data,
    EquatableArray<DeclaredHeader> Headers,
    EquatableArray<string> Secrets,
    string? Description,
    bool ShowData,
    bool ShowUrl,
    int? TimeoutSeconds,
    EquatableArray<DeclaredInput> Inputs,
    bool CanConstruct)
{
    /// <summary>Whether <c>Data</c> is the request body; GET and DELETE send it as the query.</summary>
    public bool SendsBody => Method is not ("GET" or "DELETE");

    /// <summary>The input a placeholder names, matched ignoring case, as <see cref="TaskDeclaration.FindInput"/> does.</summary>
    public DeclaredInput? FindInput(string name)
    {
        foreach (var input in Inputs)
        {
            if (string.Equals(input.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return input;
            }
        }

        return null;
    }

    /// <summary>Whether a secret of that name is declared.</summary>
    public bool HasSecret(string name)
    {
        foreach (var secret in Secrets)
        {
            if (secret == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A <c>[Header]</c> of a task.</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Value">Its value template.</param>
internal sealed record DeclaredHeader(string Name, string Value);

/// <summary>An input of a task, with the shape of its type and of the member paths its placeholders use.</summary>
/// <param name="Name">The input's name in templates.</param>
/// <param name="PropertyName">The property's name as declared (not escaped).</param>
/// <param name="TypeName">The property's type, <c>global::</c>-qualified.</param>
/// <param name="DisplayTypeName">The property's type as a person writes it, for the descriptor.</param>
/// <param name="Shape">How the property's value is formatted and written.</param>
/// <param name="MemberPaths">
/// The member paths (<c>{inputs.name.A.B}</c>) the templates use on this input and that resolve to a
/// property; a path missing here names no property, and the planner gives up on it.
/// </param>
internal sealed record DeclaredInput(
    string Name,
    string PropertyName,
    string TypeName,
    string DisplayTypeName,
    ShapeSpec Shape,
    EquatableArray<MemberPathSpec> MemberPaths)
{
    /// <summary>The resolved path of <paramref name="members"/>, or <see langword="null"/>.</summary>
    public MemberPathSpec? FindPath(string members)
    {
        foreach (var path in MemberPaths)
        {
            if (path.Members == members)
            {
                return path;
            }
        }

        return null;
    }
}

/// <summary>A member path on an input, resolved.</summary>
/// <param name="Members">The members after the input's name, joined with dots: <c>Address.City</c>.</param>
/// <param name="Access">The C# that reads them from the input's property: <c>?.Address?.City</c>.</param>
/// <param name="Shape">The shape of the value read (lifted to nullable when a step can be null).</param>
internal sealed record MemberPathSpec(string Members, string Access, ShapeSpec Shape);

/// <summary><see cref="ValueShape"/> as a value: what the planner needs to know of a type.</summary>
/// <param name="Kind">How the value is formatted and written.</param>
/// <param name="IsNullable">Whether the value can be null.</param>
/// <param name="Element">The element's shape for a collection.</param>
/// <param name="EnumMembers">An enum's members and the text each is written as; empty for other kinds.</param>
/// <param name="EnumTypeName">An enum's non-nullable type, <c>global::</c>-qualified; <see langword="null"/> for other kinds.</param>
internal sealed record ShapeSpec(
    ValueKind Kind,
    bool IsNullable,
    ShapeSpec? Element,
    EquatableArray<EnumMemberSpec> EnumMembers,
    string? EnumTypeName)
{
    /// <summary>A secret's value: text that may be null.</summary>
    public static readonly ShapeSpec Secret = new(ValueKind.Text, true, null, EquatableArray<EnumMemberSpec>.Empty, null);

    /// <summary>Whether a <c>:FORMAT</c> applies (as <see cref="ValueShape.IsFormattable"/>).</summary>
    public bool IsFormattable => Kind is ValueKind.Number or ValueKind.DateTime or ValueKind.Enum or ValueKind.Formattable;

    /// <summary>Whether the value is text-like (as <see cref="ValueShape.IsScalar"/>).</summary>
    public bool IsScalar => Kind is not (ValueKind.Collection or ValueKind.Object);
}

/// <summary>An enum member and the text it is written as.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Text">Its text: the name, or its <c>EnumMember</c> value.</param>
internal sealed record EnumMemberSpec(string Name, string Text);
