using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookTasks.Generator.Model;
using WebhookTasks.Symbols;
using WebhookTasks.Templates;

namespace WebhookTasks.Generator.Parsing;

/// <summary>
/// The <c>ForAttributeWithMetadataName</c> transform: reads one annotated class into a <see cref="DeclaredTask"/>,
/// or nothing when it cannot be generated. Roslyn runs it again for every task after any edit (its input, a
/// semantic model, is new each time), so it does only what needs the symbols and leaves every computation on
/// what it read (template parsing, render planning) to <see cref="TaskSpecBuilder"/>.
/// </summary>
internal static class DeclarationReader
{
    /// <summary>The members every generated task declares.</summary>
    public static readonly string[] GeneratedMemberNames = { "Descriptor", "Render", "InvokeAsync" };

    private static readonly ConcurrentDictionary<(SpecialType, NullableAnnotation), (string, string)> SpecialTypeNames = new();

    private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The syntax-only filter: a class or record class declaration.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword };

    public static DeclaredTask? Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0 || !CanGenerate(type, context.Attributes[0]))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var task = TaskDeclaration.Read(type, context.Attributes[0]);
        var compilation = context.SemanticModel.Compilation;
        var memberPaths = MayUseMemberPaths(task) ? MemberPaths(task) : null;

        var headers = new DeclaredHeader[task.Headers.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = new DeclaredHeader(task.Headers[i].Name, task.Headers[i].Value.Text);
        }

        var secrets = new string[task.Secrets.Count];
        for (var i = 0; i < secrets.Length; i++)
        {
            secrets[i] = task.Secrets[i].Name;
        }

        var inputs = new DeclaredInput[task.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = task.Inputs[i];
            var paths = memberPaths is not null && memberPaths.TryGetValue(input, out var used)
                ? ResolvePaths(input.Property.Type, used, compilation)
                : EquatableArray<MemberPathSpec>.Empty;
            var (typeName, displayTypeName) = TypeNames(input.Property.Type);
            inputs[i] = new DeclaredInput(
                input.Name,
                input.Property.Name,
                typeName,
                displayTypeName,
                Shape(ValueShape.Of(input.Property.Type, compilation)),
                paths);
        }

        return new DeclaredTask(
            HintName: HintName(type),
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes: ContainingTypes(type),
            Keyword: type.IsRecord ? "record" : "class",
            ClassName: type.Name,
            TaskName: task.Name,
            Method: task.Method,
            Url: task.Url?.Text,
            Data: task.Data?.Text,
            Headers: headers.ToEquatableArray(),
            Secrets: secrets.ToEquatableArray(),
            Description: task.Description,
            ShowData: task.ShowData,
            ShowUrl: task.ShowUrl,
            TimeoutSeconds: task.TimeoutSeconds,
            Inputs: inputs.ToEquatableArray(),
            CanConstruct: CanConstruct(type, task));
    }

    /// <summary>
    /// A type as generated code writes it and as the descriptor shows it. Most inputs are of a special type
    /// (string, int, bool, ...), whose names depend on nothing but that type and its nullable annotation:
    /// those are formatted once per process instead of twice per input after every edit.
    /// </summary>
    private static (string TypeName, string DisplayTypeName) TypeNames(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.None || type is not INamedTypeSymbol { IsGenericType: false })
        {
            return (ValueShape.FullName(type), type.ToDisplayString(DisplayFormat));
        }

        var key = (type.SpecialType, type.NullableAnnotation);
        if (!SpecialTypeNames.TryGetValue(key, out var names))
        {
            names = (ValueShape.FullName(type), type.ToDisplayString(DisplayFormat));
            SpecialTypeNames.TryAdd(key, names);
        }

        return names;
    }

    /// <summary>
    /// Generic types, classes that are not partial (or inside a type that is not), static classes and the
    /// second of two task attributes get no code; the analyzers say why.
    /// </summary>
    private static bool CanGenerate(INamedTypeSymbol type, AttributeData attribute)
    {
        if (type.IsStatic || type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType || !IsPartial(current))
            {
                return false;
            }
        }

        // A member of the user's that the generator would emit again cannot compile; the analyzers report it.
        foreach (var name in GeneratedMemberNames)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (!member.IsImplicitlyDeclared)
                {
                    return false;
                }
            }
        }

        foreach (var first in type.GetAttributes())
        {
            if (TaskDeclaration.IsAttribute(first, "WebhookTaskAttribute"))
            {
                return first.ApplicationSyntaxReference?.Span == attribute.ApplicationSyntaxReference?.Span
                       && first.ApplicationSyntaxReference?.SyntaxTree == attribute.ApplicationSyntaxReference?.SyntaxTree;
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.Length == 0)
        {
            return false;
        }

        foreach (var reference in references)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a placeholder could name a member path (<c>{inputs.x.Member}</c>, two dots before its
    /// <c>}</c>), read on the raw text: a cheap test that is never wrong when it says no. JSON escapes in
    /// <c>Data</c> can spell braces and dots, so Data with a backslash always answers maybe.
    /// </summary>
    private static bool MayUseMemberPaths(TaskDeclaration task)
    {
        if (task.Url is { } url && MayUseMemberPaths(url.Text))
        {
            return true;
        }

        foreach (var header in task.Headers)
        {
            if (MayUseMemberPaths(header.Value.Text))
            {
                return true;
            }
        }

        return task.Data is { } data && (data.Text.IndexOf('\\') >= 0 || MayUseMemberPaths(data.Text));
    }

    private static bool MayUseMemberPaths(string text)
    {
        var open = false;
        var dots = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '{' when !open:
                    open = true;
                    dots = 0;
                    break;
                case '}':
                    open = false;
                    break;
                case '.' when open && ++dots == 2:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The member paths each input's placeholders use, read with the templates' own parser.</summary>
    private static Dictionary<InputDeclaration, List<IReadOnlyList<string>>> MemberPaths(TaskDeclaration task)
    {
        var paths = new Dictionary<InputDeclaration, List<IReadOnlyList<string>>>();
        if (task.Url is { } url)
        {
            Add(UrlTemplate.Parse(url.Text).Template);
        }

        foreach (var header in task.Headers)
        {
            Add(TemplateParser.Parse(header.Value.Text));
        }

        if (task.Data is { } data)
        {
            foreach (var text in JsonTemplate.Parse(data.Text).Strings())
            {
                Add(text.Template);
            }
        }

        return paths;

        void Add(Template template)
        {
            foreach (var placeholder in template.Placeholders)
            {
                if (placeholder is { Scope: PlaceholderScope.Inputs, Members.Count: > 0 } && task.FindInput(placeholder.Name) is { } input)
                {
                    if (!paths.TryGetValue(input, out var list))
                    {
                        paths.Add(input, list = new List<IReadOnlyList<string>>());
                    }

                    list.Add(placeholder.Members);
                }
            }
        }
    }

    /// <summary>Each path that reaches a property, once, in the order first used.</summary>
    private static EquatableArray<MemberPathSpec> ResolvePaths(
        ITypeSymbol inputType, List<IReadOnlyList<string>> used, Compilation compilation)
    {
        var resolved = new List<MemberPathSpec>();
        var seen = new HashSet<string>();
        foreach (var members in used)
        {
            var key = string.Join(".", members);
            if (seen.Add(key) && Resolve(inputType, members, compilation) is { } path)
            {
                resolved.Add(new MemberPathSpec(key, path.Access, path.Shape));
            }
        }

        return resolved.ToEquatableArray();
    }

    /// <summary>
    /// Follows a member path from an input's type: each step after one that can be null reads with <c>?.</c>,
    /// and then a value type at the end is read as nullable.
    /// </summary>
    private static (string Access, ShapeSpec Shape)? Resolve(ITypeSymbol type, IReadOnlyList<string> members, Compilation compilation)
    {
        var access = "";
        var lifted = false;
        foreach (var memberName in members)
        {
            var nullable = !type.IsValueType || !SymbolEqualityComparer.Default.Equals(ValueShape.Underlying(type), type);
            var property = ValueShape.FindProperty(type, memberName);
            if (property is null)
            {
                return null;
            }

            access += (nullable ? "?." : ".") + RenderPlanner.Identifier(property.Name);
            lifted |= nullable;
            type = property.Type;
        }

        if (lifted && type.IsValueType && SymbolEqualityComparer.Default.Equals(ValueShape.Underlying(type), type))
        {
            type = compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(type);
        }

        return (access, Shape(ValueShape.Of(type, compilation)));
    }

    private static ShapeSpec Shape(ValueShape shape)
    {
        if (shape.Kind != ValueKind.Enum)
        {
            var element = shape.Element is { } of ? Shape(of) : null;
            return new ShapeSpec(shape.Kind, shape.IsNullable, element, EquatableArray<EnumMemberSpec>.Empty, null);
        }

        var members = new EnumMemberSpec[shape.EnumMembers.Count];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = new EnumMemberSpec(shape.EnumMembers[i].Name, shape.EnumMembers[i].Text);
        }

        return new ShapeSpec(shape.Kind, shape.IsNullable, null, members.ToEquatableArray(), shape.UnderlyingTypeName);
    }

    private static bool CanConstruct(INamedTypeSymbol type, TaskDeclaration task)
    {
        if (type.IsAbstract || !HasParameterlessConstructor(type))
        {
            return false;
        }

        // An object initializer must set every required member; it can only set inputs.
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                if (required && !IsInput(task, member.Name))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool HasParameterlessConstructor(INamedTypeSymbol type)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInput(TaskDeclaration task, string propertyName)
    {
        foreach (var input in task.Inputs)
        {
            if (input.Property.Name == propertyName)
            {
                return true;
            }
        }

        return false;
    }

    private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
    {
        if (type.ContainingType is null)
        {
            return EquatableArray<ContainingTypeSpec>.Empty;
        }

        var types = new List<ContainingTypeSpec>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            var keyword = current switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            types.Insert(0, new ContainingTypeSpec(keyword, RenderPlanner.Identifier(current.Name)));
        }

        return types.ToEquatableArray();
    }

    private static string HintName(INamedTypeSymbol type)
    {
        var names = new List<string> { type.Name };
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            names.Insert(0, current.Name);
        }

        // Metadata names, never escaped: a hint name may not hold '@' (namespace @namespace is "namespace").
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            names.Insert(0, ns.Name);
        }

        return string.Join(".", names) + ".g.cs";
    }
}
