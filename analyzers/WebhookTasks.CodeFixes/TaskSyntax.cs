using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WebhookTasks.CodeFixes;

/// <summary>Syntax the fixes share: the task class around a diagnostic, new attributes written the user's way.</summary>
internal static class TaskSyntax
{
    /// <summary>The attribute a diagnostic inside an attribute argument belongs to.</summary>
    public static AttributeSyntax? AttributeAt(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary>The type declaration an attribute is applied to.</summary>
    public static TypeDeclarationSyntax? DeclarationOf(AttributeSyntax attribute) =>
        attribute.Parent?.Parent as TypeDeclarationSyntax;

    /// <summary>
    /// An attribute list <c>[Name("argument")]</c>, qualified like <paramref name="like"/> (an attribute of
    /// the same namespace): <c>WebhookTasks.Secret</c> where the user wrote <c>WebhookTasks.WebhookTask</c>.
    /// </summary>
    public static AttributeListSyntax AttributeList(string name, string argument, AttributeSyntax like)
    {
        NameSyntax attributeName = SyntaxFactory.IdentifierName(name);
        if (like.Name is QualifiedNameSyntax qualified)
        {
            attributeName = SyntaxFactory.QualifiedName(qualified.Left, SyntaxFactory.IdentifierName(name));
        }
        else if (like.Name is AliasQualifiedNameSyntax alias)
        {
            attributeName = SyntaxFactory.QualifiedName(
                SyntaxFactory.AliasQualifiedName(alias.Alias, SyntaxFactory.IdentifierName("WebhookTasks")),
                SyntaxFactory.IdentifierName(name));
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(argument));
        var attribute = SyntaxFactory.Attribute(
            attributeName,
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(literal))));
        return SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
    }

    /// <summary>The indentation of the line a node starts on: its leading whitespace after the last line break.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var last = leading.LastOrDefault();
        return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
    }

    /// <summary>The line break the document already uses.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found
        && found.IsKind(SyntaxKind.EndOfLineTrivia)
            ? found
            : SyntaxFactory.EndOfLine("\n");
}
