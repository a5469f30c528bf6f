using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WebhookTasks.Symbols;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Reports, at compile time, everything that keeps the generator from building a webhook task: a class
/// that is not partial, templates that break the grammar, placeholders naming unknown inputs, members or
/// secrets, URLs and <c>Data</c> that cannot be sent; then what would fail only once the task is built or
/// run (inputs of unsupported types, timeouts out of range, members that clash with the generated ones,
/// header values the client refuses) and likely mistakes (secrets in logged URLs, repeated headers); and,
/// across the compilation, task names used twice. Each diagnostic sits on the characters that are wrong.
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

            // Names are unique across the compilation: collected from every task, compared at the end.
            var names = new ConcurrentBag<TaskNameSite>();
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, attributeType, names), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicateNames(end, names));
        });
    }

    private static void AnalyzeType(
        SymbolAnalysisContext context, INamedTypeSymbol attributeType, ConcurrentBag<TaskNameSite> names)
    {
        if (context.Symbol is not INamedTypeSymbol type)
        {
            return;
        }

        if (FindNestedTask(type, attributeType) is { } nested)
        {
            TaskChecker.CheckContainer(
                type, nested.Task, nested.Attribute, context.ReportDiagnostic, context.CancellationToken);
        }

        if (TaskAttribute(type, attributeType) is { } attribute)
        {
            var site = TaskChecker.Check(
                type, attribute, context.Compilation, context.ReportDiagnostic, context.CancellationToken);
            if (site is not null)
            {
                names.Add(site);
            }
        }
    }

    private static AttributeData? TaskAttribute(INamedTypeSymbol type, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The first task class nested, at any depth, in <paramref name="type"/>.</summary>
    private static (INamedTypeSymbol Task, AttributeData Attribute)? FindNestedTask(
        INamedTypeSymbol type, INamedTypeSymbol attributeType)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if (nested.TypeKind == TypeKind.Class && TaskAttribute(nested, attributeType) is { } attribute)
            {
                return (nested, attribute);
            }

            if (FindNestedTask(nested, attributeType) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    /// <summary>Reports every task whose name another task also uses, naming the others.</summary>
    private static void ReportDuplicateNames(CompilationAnalysisContext context, IEnumerable<TaskNameSite> names)
    {
        foreach (var group in names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase))
        {
            var sites = group.OrderBy(s => s.TypeName, StringComparer.Ordinal).ToList();
            if (sites.Count < 2)
            {
                continue;
            }

            foreach (var site in sites)
            {
                var others = string.Join("', '", sites.Where(s => !ReferenceEquals(s, site)).Select(s => s.TypeName));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateTaskName, site.GetLocation(context.CancellationToken), site.Name, others));
            }
        }
    }
}
