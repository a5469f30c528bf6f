using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookTasks.Generator.Model;
using WebhookTasks.Symbols;

namespace WebhookTasks.Generator.Parsing;

/// <summary>Turns one annotated class into a <see cref="TaskSpec"/>, or nothing when it cannot be generated.</summary>
internal static class TaskSpecParser
{
    private const string DefaultClientParameter = "client";
    private const string DefaultTokenParameter = "cancellationToken";

    /// <summary>The members every generated task declares.</summary>
    public static readonly string[] GeneratedMemberNames = { "Descriptor", "Render", "InvokeAsync" };

    /// <summary>The syntax-only filter: a class or record class declaration.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword };

    public static TaskSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0 || !CanGenerate(type, context.Attributes[0]))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var task = TaskDeclaration.Read(type, context.Attributes[0]);
        var compilation = context.SemanticModel.Compilation;
        var (render, helpers) = RenderPlanner.Plan(task, compilation);
        var inputs = Inputs(task);
        var parameterNames = new HashSet<string>(inputs.Select(i => i.ParameterName.TrimStart('@')));

        return new TaskSpec(
            HintName: HintName(type),
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes: ContainingTypes(type),
            Keyword: type.IsRecord ? "record" : "class",
            ClassName: RenderPlanner.Identifier(type.Name),
            TaskName: task.Name,
            Method: task.Method ?? "POST",
            UrlTemplate: task.Url?.Text ?? "",
            Description: task.Description,
            ShowData: task.ShowData,
            ShowUrl: task.ShowUrl,
            TimeoutSeconds: task.TimeoutSeconds,
            Inputs: inputs.ToEquatableArray(),
            Secrets: task.Secrets.Select(s => s.Name).ToEquatableArray(),
            CanConstruct: CanConstruct(type, task),
            ClientParameter: Unique(DefaultClientParameter, "webhookClient", parameterNames),
            TokenParameter: Unique(DefaultTokenParameter, "webhookCancellationToken", parameterNames),
            Render: render,
            Helpers: helpers);
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
        if (GeneratedMemberNames.Any(name => type.GetMembers(name).Any(member => !member.IsImplicitlyDeclared)))
        {
            return false;
        }

        var first = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == TaskDeclaration.WebhookTaskAttributeName);
        return first?.ApplicationSyntaxReference?.Span == attribute.ApplicationSyntaxReference?.Span
               && first?.ApplicationSyntaxReference?.SyntaxTree == attribute.ApplicationSyntaxReference?.SyntaxTree;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration
                                                   && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static List<InputSpec> Inputs(TaskDeclaration task)
    {
        var used = new HashSet<string>();
        var inputs = new List<InputSpec>();
        foreach (var input in task.Inputs)
        {
            // An [Input] name need not be a C# identifier ("item-id" is fine, "1st" is not): fall back to the property's.
            var parameter = CamelCase(input.Name);
            if (!SyntaxFacts.IsValidIdentifier(parameter))
            {
                parameter = CamelCase(input.Property.Name);
            }

            var unique = parameter;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = parameter + n;
            }

            inputs.Add(new InputSpec(
                input.Name,
                RenderPlanner.Identifier(input.Property.Name),
                ValueShape.FullName(input.Property.Type),
                input.Property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(
                    SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)),
                RenderPlanner.Identifier(unique)));
        }

        return inputs;
    }

    private static bool CanConstruct(INamedTypeSymbol type, TaskDeclaration task)
    {
        if (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            return false;
        }

        // An object initializer must set every required member; it can only set inputs.
        var inputs = new HashSet<string>(task.Inputs.Select(i => i.Property.Name));
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var required = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                if (required && !inputs.Contains(member.Name))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Unique(string preferred, string fallback, HashSet<string> taken)
    {
        if (!taken.Contains(preferred))
        {
            return preferred;
        }

        var name = fallback;
        while (taken.Contains(name))
        {
            name = "_" + name;
        }

        return name;
    }

    /// <summary><c>item_id</c> and <c>ItemId</c> become <c>itemId</c>; <c>URL</c> becomes <c>url</c>.</summary>
    public static string CamelCase(string name)
    {
        var words = name.Split(new[] { '_', '-' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "value";
        }

        var text = new StringBuilder();
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (w == 0)
            {
                var upper = 0;
                while (upper < word.Length && char.IsUpper(word[upper]))
                {
                    upper++;
                }

                var lower = upper == word.Length ? upper : System.Math.Max(1, upper - 1);
                text.Append(word.Substring(0, lower).ToLowerInvariant()).Append(word.Substring(lower));
            }
            else
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }
        }

        var result = text.ToString();
        return char.IsDigit(result[0]) ? "_" + result : result;
    }

    private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
    {
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
