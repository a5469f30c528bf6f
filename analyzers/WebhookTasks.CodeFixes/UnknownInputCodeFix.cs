using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using WebhookTasks.Analyzers;

namespace WebhookTasks.CodeFixes;

/// <summary>
/// WHT0002: corrects a misspelt placeholder to the input it most likely meant, names that input after the
/// placeholder with an <c>[Input]</c> alias, or adds the input as a new property.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownInputCodeFix)), Shared]
public sealed class UnknownInputCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix that replaces the placeholder's name with the suggestion.</summary>
    public const string UseSuggestionKey = "WebhookTasks.UseSuggestedInput";

    /// <summary>The equivalence key of the fix that adds an <c>[Input]</c> alias to the suggested property.</summary>
    public const string AddAliasKey = "WebhookTasks.AddInputAlias";

    /// <summary>The equivalence key of the fix that adds the input as a property.</summary>
    public const string AddPropertyKey = "WebhookTasks.AddInputProperty";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownInput);

    /// <inheritdoc />
    /// <remarks>
    /// Per document: every misspelt name replaced, every alias added once, and every missing input added once
    /// per class (two placeholders of one input, or two inputs at one place, would defeat the batch fixer).
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.InputName, out var name);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.SuggestedProperty, out var property);

            if (suggestion is not null && NameSpan(root, diagnostic) is { } span)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Change to '{{inputs.{suggestion}}}'",
                        cancellationToken => ReplaceNameAsync(context.Document, span, suggestion, cancellationToken),
                        UseSuggestionKey),
                    diagnostic);
            }

            if (TaskSyntax.AttributeAt(root, diagnostic.Location) is not { } attribute
                || TaskSyntax.DeclarationOf(attribute) is not { } declaration
                || name is null)
            {
                continue;
            }

            if (property is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add [Input(\"{name}\")] to '{property}'",
                        cancellationToken => AddAliasAsync(
                            context.Document, declaration, attribute, property, name, cancellationToken),
                        AddAliasKey),
                    diagnostic);
            }

            var propertyName = PropertyName(name);
            if (declaration.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken)
                && !declaration.Members.Any(m => DeclaresName(m, propertyName)))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add input property '{propertyName}'",
                        cancellationToken => AddPropertyAsync(
                            context.Document, declaration, attribute, name, propertyName, cancellationToken),
                        AddPropertyKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The placeholder name's characters in the source, which the analyzer reports as the additional location
    /// only when the template is one literal; they must lie strictly inside that literal token.
    /// </summary>
    private static TextSpan? NameSpan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.FirstOrDefault() is not { IsInSource: true } name
            || name.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var span = name.SourceSpan;
        var token = root.FindToken(span.Start);
        var isString = token.IsKind(SyntaxKind.StringLiteralToken)
                       || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                       || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);
        return isString && token.Span.Start < span.Start && span.End < token.Span.End ? span : null;
    }

    /// <summary>
    /// Replaces the name's characters, escapes included, with the suggestion, whose letters, digits and
    /// underscores read the same in regular, verbatim and raw literals and in JSON strings.
    /// </summary>
    private static async Task<Document> ReplaceNameAsync(
        Document document, TextSpan span, string suggestion, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, suggestion)));
    }

    private static async Task<Solution> AddAliasAsync(
        Document document,
        TypeDeclarationSyntax declaration,
        AttributeSyntax like,
        string propertyName,
        string alias,
        CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return solution;
        }

        IPropertySymbol? property = null;
        for (var current = type; current is not null && property is null; current = current.BaseType)
        {
            property = current.GetMembers(propertyName).OfType<IPropertySymbol>().FirstOrDefault();
        }

        var reference = property?.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null
            || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not PropertyDeclarationSyntax syntax
            || solution.GetDocument(syntax.SyntaxTree) is not { } target
            || await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return solution;
        }

        return solution.WithDocumentSyntaxRoot(target.Id, root.ReplaceNode(syntax, WithAlias(root, syntax, like, alias)));
    }

    private static async Task<Document> AddPropertyAsync(
        Document document,
        TypeDeclarationSyntax declaration,
        AttributeSyntax like,
        string inputName,
        string propertyName,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var updated = WithProperties(declaration, like, new[] { (inputName, propertyName) });
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }

    /// <summary>The declaration with a string input property for each name, after its last property.</summary>
    private static TypeDeclarationSyntax WithProperties(
        TypeDeclarationSyntax declaration, AttributeSyntax like, IEnumerable<(string Input, string Property)> inputs)
    {
        var members = declaration.Members;
        var lastProperty = members.LastOrDefault(m => m is PropertyDeclarationSyntax);
        var index = lastProperty is null ? 0 : members.IndexOf(lastProperty) + 1;
        foreach (var (inputName, propertyName) in inputs)
        {
            members = members.Insert(index++, InputProperty(like, inputName, propertyName));
        }

        return declaration.WithMembers(members);
    }

    private static PropertyDeclarationSyntax InputProperty(AttributeSyntax like, string inputName, string propertyName)
    {
        var type = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword));
        var property = SyntaxFactory.PropertyDeclaration(type, propertyName)
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
            .WithAccessorList(SyntaxFactory.AccessorList(SyntaxFactory.List(new[]
            {
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration)
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
                SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration)
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
            })))
            .WithInitializer(SyntaxFactory.EqualsValueClause(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(""))))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));

        // A placeholder name that PascalCase changes beyond case needs the alias to keep matching it.
        if (!string.Equals(inputName, propertyName, StringComparison.OrdinalIgnoreCase))
        {
            var alias = TaskSyntax.AttributeList("Input", inputName, like);
            property = property.WithAttributeLists(SyntaxFactory.SingletonList(alias));
        }

        return property.WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static async Task<Document?> FixAllAsync(
        FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        switch (context.CodeActionEquivalenceKey)
        {
            case UseSuggestionKey:
                var changes = diagnostics
                    .Select(d => (
                        Span: NameSpan(root, d),
                        Name: d.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var n) ? n : null))
                    .Where(c => c.Span is not null && c.Name is not null)
                    .Select(c => new TextChange(c.Span!.Value, c.Name!))
                    .Distinct()
                    .ToList();
                var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
                return document.WithText(text.WithChanges(changes));
            case AddPropertyKey:
                return document.WithSyntaxRoot(AddAllProperties(root, diagnostics));
            case AddAliasKey:
                return document.WithSyntaxRoot(AddAllAliases(root, diagnostics));
            default:
                return null;
        }
    }

    /// <summary>Each class gets one property per missing input, however many placeholders name it.</summary>
    private static SyntaxNode AddAllProperties(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics)
    {
        var byClass = new Dictionary<TypeDeclarationSyntax, (AttributeSyntax Like, List<(string, string)> Inputs)>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.InputName, out var name)
                || name is null
                || TaskSyntax.AttributeAt(root, diagnostic.Location) is not { } attribute
                || TaskSyntax.DeclarationOf(attribute) is not { } declaration
                || !declaration.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken))
            {
                continue;
            }

            if (!byClass.TryGetValue(declaration, out var entry))
            {
                entry = (attribute, new List<(string, string)>());
                byClass.Add(declaration, entry);
            }

            var propertyName = PropertyName(name);
            if (!declaration.Members.Any(m => DeclaresName(m, propertyName))
                && !entry.Inputs.Any(i => i.Item2 == propertyName))
            {
                entry.Inputs.Add((name, propertyName));
            }
        }

        return root.ReplaceNodes(
            byClass.Keys, (original, _) => WithProperties(original, byClass[original].Like, byClass[original].Inputs));
    }

    /// <summary>Each suggested property of this document gets its alias once.</summary>
    private static SyntaxNode AddAllAliases(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics)
    {
        var aliases = new Dictionary<PropertyDeclarationSyntax, (AttributeSyntax Like, string Alias)>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SuggestedProperty, out var propertyName)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.InputName, out var name)
                || propertyName is null
                || name is null
                || TaskSyntax.AttributeAt(root, diagnostic.Location) is not { } attribute
                || TaskSyntax.DeclarationOf(attribute) is not { } declaration)
            {
                continue;
            }

            var property = declaration.Members.OfType<PropertyDeclarationSyntax>()
                .FirstOrDefault(p => p.Identifier.ValueText == propertyName);
            if (property is not null && !aliases.ContainsKey(property))
            {
                aliases.Add(property, (attribute, name));
            }
        }

        return root.ReplaceNodes(
            aliases.Keys, (original, _) => WithAlias(root, original, aliases[original].Like, aliases[original].Alias));
    }

    /// <summary>The property with <c>[Input("alias")]</c> on a line of its own above it, below its doc comment.</summary>
    private static PropertyDeclarationSyntax WithAlias(
        SyntaxNode root, PropertyDeclarationSyntax property, AttributeSyntax like, string alias)
    {
        var list = TaskSyntax.AttributeList("Input", alias, like)
            .WithLeadingTrivia(property.GetLeadingTrivia())
            .WithTrailingTrivia(TaskSyntax.EndOfLine(root));
        return property
            .WithLeadingTrivia(TaskSyntax.Indentation(property))
            .WithAttributeLists(property.AttributeLists.Insert(0, list));
    }

    /// <summary><c>item_id</c> becomes <c>ItemId</c>, <c>name</c> <c>Name</c>; a name of underscores only <c>Value</c>.
    /// </summary>
    private static string PropertyName(string inputName)
    {
        var text = new StringBuilder(inputName.Length);
        foreach (var word in inputName.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
        }

        return text.Length == 0 || char.IsDigit(text[0]) ? "Value" + text : text.ToString();
    }

    private static bool DeclaresName(MemberDeclarationSyntax member, string name) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText == name,
        MethodDeclarationSyntax method => method.Identifier.ValueText == name,
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText == name,
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Any(v => v.Identifier.ValueText == name),
        _ => false,
    };
}
