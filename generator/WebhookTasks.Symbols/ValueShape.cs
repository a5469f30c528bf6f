using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WebhookTasks.Symbols;

/// <summary>How a value is formatted as text and written as JSON; decided from its type at compile time.</summary>
internal enum ValueKind
{
    /// <summary><see cref="string"/>.</summary>
    Text,

    /// <summary><see cref="char"/>.</summary>
    Char,

    /// <summary><see cref="bool"/>: <c>true</c>/<c>false</c>, a JSON Boolean.</summary>
    Bool,

    /// <summary>A numeric primitive: invariant text, a JSON number.</summary>
    Number,

    /// <summary><c>DateTime</c> or <c>DateTimeOffset</c>: round-trip ISO 8601.</summary>
    DateTime,

    /// <summary>An enum: its member's name or <c>EnumMember</c> value.</summary>
    Enum,

    /// <summary><see cref="System.Uri"/>: its original text.</summary>
    Uri,

    /// <summary>Any other <see cref="System.IFormattable"/> (Guid, TimeSpan, DateOnly, ...): invariant text, a JSON string (DateOnly and TimeOnly as System.Text.Json writes them).</summary>
    Formattable,

    /// <summary>An array or <c>IEnumerable&lt;T&gt;</c>: a JSON array; in a URL query, the key repeats.</summary>
    Collection,

    /// <summary>Anything else: written through System.Text.Json; as text, its <c>ToString()</c>.</summary>
    Object,
}

/// <summary>An enum member and the text it is written as.</summary>
internal readonly struct EnumMemberText
{
    public EnumMemberText(string name, string text)
    {
        Name = name;
        Text = text;
    }

    public string Name { get; }

    public string Text { get; }
}

/// <summary>The shape of a type, as the rendering rules see it.</summary>
internal sealed class ValueShape
{
    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly IReadOnlyList<EnumMemberText> NoEnumMembers = new EnumMemberText[0];

    private ValueShape(ITypeSymbol type, ValueKind kind, bool isNullable, ValueShape? element, IReadOnlyList<EnumMemberText> enumMembers)
    {
        Type = type;
        Kind = kind;
        IsNullable = isNullable;
        Element = element;
        EnumMembers = enumMembers;
    }

    public ITypeSymbol Type { get; }

    public ValueKind Kind { get; }

    /// <summary>Whether the value can be null: a reference type or <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsNullable { get; }

    /// <summary>The element's shape for <see cref="ValueKind.Collection"/>.</summary>
    public ValueShape? Element { get; }

    public IReadOnlyList<EnumMemberText> EnumMembers { get; }

    /// <summary>The type as generated code writes it: <c>global::</c>-qualified, nullable annotation kept.</summary>
    public string TypeName => FullName(Type);

    /// <summary>A type as generated code writes it: <c>global::</c>-qualified, nullable annotation kept.</summary>
    public static string FullName(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    /// <summary>The non-nullable underlying type's name (for <c>int?</c>, <c>global::System.Int32</c>... as <c>int</c>).</summary>
    public string UnderlyingTypeName => Underlying(Type).WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified);

    /// <summary>Whether a <c>:FORMAT</c> applies: the type implements <see cref="System.IFormattable"/>.</summary>
    public bool IsFormattable => Kind is ValueKind.Number or ValueKind.DateTime or ValueKind.Enum or ValueKind.Formattable;

    /// <summary>Whether the value is text-like: everything but collections and objects.</summary>
    public bool IsScalar => Kind is not (ValueKind.Collection or ValueKind.Object);

    public static ValueShape Of(ITypeSymbol type, Compilation compilation) => Of(type, compilation, 0);

    /// <summary>The type of a member of this shape's type, or <see langword="null"/> when it has no readable instance property of that name.</summary>
    public static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
    {
        for (var current = Underlying(type); current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null, DeclaredAccessibility: Accessibility.Public } property)
                {
                    return property;
                }
            }
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var parent in type.AllInterfaces)
            {
                if (parent.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && !p.IsIndexer) is { } inherited)
                {
                    return inherited;
                }
            }
        }

        return null;
    }

    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static ValueShape Of(ITypeSymbol type, Compilation compilation, int depth)
    {
        var underlying = Underlying(type);
        var isNullableValue = !SymbolEqualityComparer.Default.Equals(underlying, type);
        var isNullable = isNullableValue || !type.IsValueType;
        var none = NoEnumMembers;

        switch (underlying.SpecialType)
        {
            case SpecialType.System_String:
                return new ValueShape(type, ValueKind.Text, isNullable, null, none);
            case SpecialType.System_Char:
                return new ValueShape(type, ValueKind.Char, isNullable, null, none);
            case SpecialType.System_Boolean:
                return new ValueShape(type, ValueKind.Bool, isNullable, null, none);
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                return new ValueShape(type, ValueKind.Number, isNullable, null, none);
            case SpecialType.System_DateTime:
                return new ValueShape(type, ValueKind.DateTime, isNullable, null, none);
        }

        var name = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (name == "global::System.DateTimeOffset")
        {
            return new ValueShape(type, ValueKind.DateTime, isNullable, null, none);
        }

        if (name == "global::System.Uri")
        {
            return new ValueShape(type, ValueKind.Uri, isNullable, null, none);
        }

        if (underlying.TypeKind == TypeKind.Enum)
        {
            return new ValueShape(type, ValueKind.Enum, isNullable, null, EnumTexts((INamedTypeSymbol)underlying));
        }

        if (depth < 4 && ElementType(underlying, compilation) is { } element)
        {
            return new ValueShape(type, ValueKind.Collection, isNullable, Of(element, compilation, depth + 1), none);
        }

        var formattable = compilation.GetTypeByMetadataName("System.IFormattable");
        if (formattable is not null && underlying.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, formattable)))
        {
            return new ValueShape(type, ValueKind.Formattable, isNullable, null, none);
        }

        return new ValueShape(type, ValueKind.Object, isNullable, null, none);
    }

    private static ITypeSymbol? ElementType(ITypeSymbol type, Compilation compilation)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        // Dictionaries are objects in JSON, not arrays.
        if (type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IDictionary<TKey, TValue>"
                                        || i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"))
        {
            return null;
        }

        var enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, enumerable))
        {
            return named.TypeArguments[0];
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, enumerable))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }

    private static IReadOnlyList<EnumMemberText> EnumTexts(INamedTypeSymbol type)
    {
        var texts = new List<EnumMemberText>();
        var seen = new HashSet<object>();
        foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
        {
            // Two members with one value (aliases) are one case of a switch: the first declared names it.
            if (!member.HasConstantValue || member.ConstantValue is null || !seen.Add(member.ConstantValue))
            {
                continue;
            }

            var text = member.Name;
            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "System.Runtime.Serialization.EnumMemberAttribute")
                {
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (argument.Key == "Value" && argument.Value.Value is string value)
                        {
                            text = value;
                        }
                    }
                }
            }

            texts.Add(new EnumMemberText(member.Name, text));
        }

        return texts;
    }
}
