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

/// <summary>WHT0004: declares the secret a placeholder names, with <c>[Secret("name")]</c> below the class's attributes.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareSecretCodeFix)), Shared]
public sealed class DeclareSecretCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "WebhookTasks.DeclareSecret";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndeclaredSecret);

    /// <inheritdoc />
    /// <remarks>
    /// None: two secrets declared at one place are one insertion each at the same position, which the batch
    /// fixer cannot merge, and one secret used twice must be declared once.
    /// </remarks>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SecretName, out var name)
                || name is null
                || TaskSyntax.AttributeAt(root, diagnostic.Location) is not { } attribute
                || TaskSyntax.DeclarationOf(attribute) is not { } declaration)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare secret '{name}' with [Secret(\"{name}\")]",
                    cancellationToken => DeclareAsync(context.Document, declaration, attribute, name, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> DeclareAsync(
        Document document,
        TypeDeclarationSyntax declaration,
        AttributeSyntax like,
        string name,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || declaration.AttributeLists.LastOrDefault() is not { } last)
        {
            return document;
        }

        // On a line of its own, indented like the list above it; on the same line when that list shares its line.
        var onOwnLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var list = TaskSyntax.AttributeList("Secret", name, like);
        list = onOwnLine
            ? list.WithLeadingTrivia(TaskSyntax.Indentation(last)).WithTrailingTrivia(TaskSyntax.EndOfLine(root))
            : list.WithTrailingTrivia(SyntaxFactory.Space);
        var lists = declaration.AttributeLists.Insert(declaration.AttributeLists.Count, list);
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, declaration.WithAttributeLists(lists)));
    }
}
