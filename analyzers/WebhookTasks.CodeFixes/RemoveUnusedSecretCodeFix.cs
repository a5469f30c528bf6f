using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookTasks.Analyzers;

namespace WebhookTasks.CodeFixes;

/// <summary>WHT0018: removes the <c>[Secret]</c> attribute that declares an unused secret.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUnusedSecretCodeFix)), Shared]
public sealed class RemoveUnusedSecretCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by every occurrence so that Fix All applies it.</summary>
    public const string EquivalenceKey = "WebhookTasks.RemoveUnusedSecret";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnusedSecret);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            if (TaskSyntax.AttributeAt(root, diagnostic.Location) is not { Parent: AttributeListSyntax list } attribute
                || list.Parent is not TypeDeclarationSyntax)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove {attribute}",
                    cancellationToken => RemoveAsync(context.Document, attribute, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(
        Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null
            || attribute.Parent is not AttributeListSyntax list
            || list.Parent is not TypeDeclarationSyntax declaration)
        {
            return document;
        }

        if (list.Attributes.Count > 1)
        {
            var shorter = list.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!;
            return document.WithSyntaxRoot(root.ReplaceNode(list, shorter));
        }

        // The whole list goes, with its line. When it is the declaration's first, its leading trivia (doc
        // comments, blank lines) belongs to the declaration and moves to what now comes first.
        var isFirst = declaration.AttributeLists.IndexOf(list) == 0;
        var leading = list.GetLeadingTrivia();
        var updated = declaration.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!;
        if (isFirst)
        {
            updated = updated.WithLeadingTrivia(leading);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }
}
