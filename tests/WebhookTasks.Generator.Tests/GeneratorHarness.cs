using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookTasks.Generator;

namespace WebhookTasks.Generator.Tests;

/// <summary>Compiles user code in memory with the generator, the way a build would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions CSharp10 = new(LanguageVersion.CSharp10);

    private static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location);

    public static CSharpCompilation Compile(params string[] sources) => Compile(CSharp10, sources);

    public static CSharpCompilation Compile(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, options, path: $"Task{i}.cs")),
            Net80.References.All.Append(Runtime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new WebhookTaskGenerator().AsSourceGenerator() },
            parseOptions: options ?? CSharp10,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns the updated compilation and what the generator produced.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        Assert.Null(result.Results.Single().Exception);
        return (output, result);
    }

    /// <summary>The generated sources by hint name.</summary>
    public static IReadOnlyDictionary<string, string> Generated(GeneratorDriverRunResult result) =>
        result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Every warning and error of a compilation, as text, for assertions that want none.</summary>
    public static ImmutableArray<string> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToImmutableArray();
}
