using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookTasks.Analyzers;

namespace WebhookTasks.CodeFixes;

/// <summary>WHT0001: adds the <c>partial</c> modifier to the task class, or to the type containing it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by every occurrence so that Fix All applies it.</summary>
    public const string EquivalenceKey = "WebhookTasks.MakePartial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ClassNotPartial);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var token = root?.FindToken(diagnostic.Location.SourceSpan.Start) ?? default;
            if (token.Parent is not TypeDeclarationSyntax declaration
                || declaration.Identifier != token
                || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{declaration.Identifier.ValueText}' partial",
                    cancellationToken => MakePartialAsync(context.Document, declaration, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> MakePartialAsync(
        Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(declaration, WithPartial(declaration)));
    }

    /// <summary>
    /// <c>partial</c> must come right before <c>class</c> (or <c>record</c>), so it is the last modifier; without
    /// other modifiers it takes over the keyword's indentation.
    /// </summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
