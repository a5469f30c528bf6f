using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WebhookTasks.Symbols;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Reports, at compile time, everything that keeps the generator from building a webhook task: a class
/// that is not partial, templates that break the grammar, placeholders naming unknown inputs, members or
/// secrets, URLs and <c>Data</c> that cannot be sent. Each diagnostic sits on the characters that are wrong.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WebhookTaskAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(TaskDeclaration.WebhookTaskAttributeName);
            if (attributeType is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, attributeType), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                TaskChecker.Check(
                    type, attribute, context.Compilation, context.ReportDiagnostic, context.CancellationToken);
                return;
            }
        }
    }
}
