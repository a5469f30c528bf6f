using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WebhookTasks.Analyzers;
using WebhookTasks.Generator;

namespace WebhookTasks.Reliability.Tests;

/// <summary>
/// The generator and the analyzers on random task declarations: no exception, no CS8785 or AD0001, and what the
/// generator emits compiles (with a real Render, or the InvalidOperationException stub).
/// </summary>
public sealed class GeneratorProperties
{
    private const int Iterations = 100;
    private const string StubRender = "throw new global::System.InvalidOperationException(";

    private static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location);

    private static readonly CSharpParseOptions[] LanguageVersions = [new(LanguageVersion.CSharp10), new(LanguageVersion.Latest)];

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        typeof(WebhookTaskAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static readonly Gen<(Declaration Declaration, int Language)> AnyDeclarations = Gen.Select(Declarations.Any, Gen.Int[0, 1]);

    [Fact]
    public void Generator_never_throws_and_what_it_emits_compiles()
    {
        int none = 0, stubs = 0, renders = 0;
        AnyDeclarations.Sample(t =>
        {
            var generated = AssertGeneratorCopes(t.Declaration, LanguageVersions[t.Language]);
            if (generated.Count == 0)
            {
                Interlocked.Increment(ref none);
            }
            else if (generated[0].Contains(StubRender, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref stubs);
            }
            else
            {
                Interlocked.Increment(ref renders);
            }
        }, iter: Iterations);

        // The declarations reach every outcome: nothing generated, a stubbed Render, and a real one.
        TestContext.Current.TestOutputHelper?.WriteLine($"nothing generated: {none}, Render stubbed: {stubs}, real Render: {renders}");
        Assert.True(none > 0 && stubs > 0 && renders > 0, $"nothing generated: {none}, Render stubbed: {stubs}, real Render: {renders}");
    }

    [Fact]
    public void Generator_emits_compilable_code_when_input_names_are_not_identifiers()
    {
        Gen.Select(Declarations.AnyWithNonIdentifierInputNames, Gen.Int[0, 1])
            .Sample(t => AssertGeneratorCopes(t.Item1, LanguageVersions[t.Item2]), iter: Iterations);
    }

    [Fact]
    public void Generator_emits_compilable_code_when_a_property_is_named_like_a_generated_member()
    {
        Gen.Select(Declarations.AnyWithGeneratedMemberNames, Gen.Int[0, 1])
            .Sample(t => AssertGeneratorCopes(t.Item1, LanguageVersions[t.Item2]), iter: Iterations);
    }

    [Fact]
    public void Generator_gives_every_valid_declaration_a_real_render()
    {
        Gen.Select(Declarations.Valid, Gen.Int[0, 1]).Sample(t =>
        {
            var generated = AssertGeneratorCopes(t.Item1, LanguageVersions[t.Item2]);
            var source = Assert.Single(generated);
            Assert.DoesNotContain(StubRender, source, StringComparison.Ordinal);
        }, iter: Iterations / 3);
    }

    [Fact]
    public void Analyzers_never_throw_on_any_declaration()
    {
        Assert.NotEmpty(Analyzers);
        AnyDeclarations.Sample(t =>
        {
            var (output, _) = RunGenerator(t.Declaration, LanguageVersions[t.Language]);
            var failures = AnalyzerFailures(output, out var diagnostics);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }, iter: Iterations);
    }

    [Fact]
    public void Analyzers_report_an_error_for_every_declaration_whose_render_is_stubbed()
    {
        var stubs = 0;
        AnyDeclarations.Sample(t =>
        {
            var (output, result) = RunGenerator(t.Declaration, LanguageVersions[t.Language]);
            var generated = result.Results.Single().GeneratedSources;
            if (generated.Length == 0 || !generated[0].SourceText.ToString().Contains(StubRender, StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref stubs);
            AnalyzerFailures(output, out var diagnostics);
            Assert.Contains(diagnostics, d => d.Id.StartsWith("WHT", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        }, iter: Iterations);
        Assert.True(stubs > 0, "no declaration had a stubbed Render");
    }

    /// <summary>Runs the generator, checks it coped, and returns the sources it generated.</summary>
    private static List<string> AssertGeneratorCopes(Declaration declaration, CSharpParseOptions options)
    {
        var input = Compile(declaration, options);
        var userErrors = input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(userErrors.Count == 0, "the random declaration itself does not compile (a fault of the test): " + string.Join("; ", userErrors));

        var (output, result) = RunGenerator(declaration, options);
        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the generated code does not compile: " + string.Join("; ", errors.Select(e => e.ToString())));
        return run.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
    }

    private static CSharpCompilation Compile(Declaration declaration, CSharpParseOptions options) =>
        CSharpCompilation.Create(
            "UserAssembly",
            [
                CSharpSyntaxTree.ParseText(declaration.Source, options, path: "Task.cs"),
                CSharpSyntaxTree.ParseText(Declarations.Support, options, path: "Support.cs"),
            ],
            Net80.References.All.Append(Runtime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static (Compilation Output, GeneratorDriverRunResult Result) RunGenerator(Declaration declaration, CSharpParseOptions options)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new WebhookTaskGenerator().AsSourceGenerator()], parseOptions: options);
        var input = Compile(declaration, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _, TestContext.Current.CancellationToken);
        return (output, driver.GetRunResult());
    }

    private static List<string> AnalyzerFailures(Compilation compilation, out ImmutableArray<Diagnostic> diagnostics)
    {
        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        diagnostics = compilation.WithAnalyzers(Analyzers, options)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken)
            .GetAwaiter()
            .GetResult();
        return failures.ToList();
    }
}
