using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WebhookTasks.Analyzers;
using WebhookTasks.Generator;
using WebhookTasks.Symbols;

namespace WebhookTasks.Benchmarks;

/// <summary>
/// Compile-time cost over 1,000 tasks (one file each): a cold run, a run after an unrelated edit and a
/// run after one task's edit, for our generator and for Refit's on 1,000 equivalent interface methods,
/// beside the floor of <c>ForAttributeWithMetadataName</c> itself (a generator whose transform returns a
/// constant); and our analyzers over the same compilation, beside an analyzer that does nothing (what
/// CompilationWithAnalyzers costs by itself), and their stages alone on symbols already bound. Checks makes
/// sure each generator generated all 1,000.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class GeneratorBenchmarks
{
    public const int Tasks = 1000;
    private const int MethodsPerInterface = 10;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12);

    private CSharpCompilation _ours = null!;
    private CSharpCompilation _oursUnrelatedEdit = null!;
    private CSharpCompilation _oursTaskEdit = null!;
    private GeneratorDriver _oursWarm = null!;
    private CSharpCompilation _refit = null!;
    private CSharpCompilation _refitUnrelatedEdit = null!;
    private CSharpCompilation _refitMethodEdit = null!;
    private GeneratorDriver _refitWarm = null!;
    private IIncrementalGenerator _refitGenerator = null!;
    private GeneratorDriver _floorWarm = null!;
    private int _refitUnrelatedIndex;
    private int _edits;
    private CSharpCompilation _bound = null!;
    private INamedTypeSymbol _attributeType = null!;
    private List<INamedTypeSymbol> _types = null!;
    private List<(INamedTypeSymbol Type, AttributeData Attribute)> _tasks = null!;

    /// <summary>The compilations the generators run on, before generation; checked to have no errors.</summary>
    internal IEnumerable<(string Name, CSharpCompilation Compilation)> Inputs =>
        new[] { ("WebhookTasks", _ours), ("Refit", _refit) };

    /// <summary>Our compilation, after the unrelated edit and after one task's edit, for checking what each run did.</summary>
    internal (CSharpCompilation Cold, CSharpCompilation UnrelatedEdit, CSharpCompilation TaskEdit) OurCompilations =>
        (_ours, _oursUnrelatedEdit, _oursTaskEdit);

    [GlobalSetup]
    public void Setup()
    {
        var runtime = MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location);
        var tasks = Enumerable.Range(0, Tasks).Select(TaskSource).ToList();
        _ours = Compilation("Ours", tasks.Append(Unrelated(1)), runtime);
        _oursUnrelatedEdit = Replace(_ours, Tasks, Unrelated(2));
        _oursTaskEdit = Replace(_ours, 7, TaskSource(7).Replace("/v1/", "/v2/", StringComparison.Ordinal));
        _oursWarm = OurDriver().RunGenerators(_ours);
        _floorWarm = FloorDriver().RunGenerators(_ours);

        // The analyzer's stages are timed on a compilation bound beforehand, so they pay for no binding.
        _bound = _ours.Clone();
        _bound.GetDiagnostics();
        _attributeType = _bound.GetTypeByMetadataName(TaskDeclaration.WebhookTaskAttributeName)!;
        _types = _bound.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>().ToList();
        _tasks = _types.Select(type => (Type: type, Attribute: TaskAttribute(type))).Where(t => t.Attribute is not null)
            .Select(t => (t.Type, t.Attribute!)).ToList();

        var refitPath = typeof(GeneratorBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RefitPackagePath").Value!;
        var refitLibrary = MetadataReference.CreateFromFile(Path.Combine(refitPath, "lib", "net8.0", "Refit.dll"));
        var generatorAssembly = Assembly.LoadFrom(Path.Combine(refitPath, "analyzers", "dotnet", "roslyn4.8", "cs", "InterfaceStubGeneratorV2.dll"));
        _refitGenerator = (IIncrementalGenerator)Activator.CreateInstance(generatorAssembly.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract))!;
        var interfaces = Enumerable.Range(0, Tasks / MethodsPerInterface).Select(InterfaceSource).ToList();
        _refit = Compilation("Refit", interfaces.Append(Unrelated(1)), refitLibrary);
        _refitUnrelatedIndex = interfaces.Count;
        _refitUnrelatedEdit = Replace(_refit, interfaces.Count, Unrelated(2));
        _refitMethodEdit = Replace(_refit, 7, InterfaceSource(7).Replace("/v1/", "/v2/", StringComparison.Ordinal));
        _refitWarm = RefitDriver().RunGenerators(_refit);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("cold")]
    public GeneratorDriver Refit_Cold() => RefitDriver().RunGenerators(_refit);

    [Benchmark, BenchmarkCategory("cold")]
    public GeneratorDriver Ours_Cold() => OurDriver().RunGenerators(_ours);

    [Benchmark, BenchmarkCategory("cold")]
    public GeneratorDriver Floor_Cold() => FloorDriver().RunGenerators(_ours);

    [Benchmark(Baseline = true), BenchmarkCategory("unrelated edit")]
    public GeneratorDriver Refit_UnrelatedEdit() => _refitWarm.RunGenerators(_refitUnrelatedEdit);

    /// <summary>What ForAttributeWithMetadataName costs after an unrelated edit with a transform that does nothing.</summary>
    [Benchmark, BenchmarkCategory("unrelated edit")]
    public GeneratorDriver Floor_UnrelatedEdit() => _floorWarm.RunGenerators(_oursUnrelatedEdit);

    [Benchmark, BenchmarkCategory("unrelated edit")]
    public GeneratorDriver Ours_UnrelatedEdit() => _oursWarm.RunGenerators(_oursUnrelatedEdit);

    // An unrelated edit as an IDE makes it: a new compilation each time, whose symbols are bound anew when the
    // transform first reads them. The runs above reuse one edited compilation, whose symbols are bound after
    // the first run, so they show the generator's own work and these show what an edit really costs.
    [Benchmark(Baseline = true), BenchmarkCategory("unrelated edit, new compilation")]
    public GeneratorDriver Refit_UnrelatedEditNewCompilation() =>
        _refitWarm.RunGenerators(Replace(_refit, _refitUnrelatedIndex, Unrelated(3 + _edits++)));

    [Benchmark, BenchmarkCategory("unrelated edit, new compilation")]
    public GeneratorDriver Ours_UnrelatedEditNewCompilation() =>
        _oursWarm.RunGenerators(Replace(_ours, Tasks, Unrelated(3 + _edits++)));

    [Benchmark, BenchmarkCategory("unrelated edit, new compilation")]
    public GeneratorDriver Floor_UnrelatedEditNewCompilation() =>
        _floorWarm.RunGenerators(Replace(_ours, Tasks, Unrelated(3 + _edits++)));

    [Benchmark(Baseline = true), BenchmarkCategory("one task edited")]
    public GeneratorDriver Refit_OneMethodEdited() => _refitWarm.RunGenerators(_refitMethodEdit);

    [Benchmark, BenchmarkCategory("one task edited")]
    public GeneratorDriver Ours_OneTaskEdited() => _oursWarm.RunGenerators(_oursTaskEdit);

    // CompilationWithAnalyzers binds the whole compilation anew to produce its events; this baseline is that
    // cost alone (an analyzer that asks for the same events and does nothing), so the difference is ours.
    [Benchmark(Baseline = true), BenchmarkCategory("analyzers")]
    public Task<ImmutableArray<Diagnostic>> DoNothingAnalyzer() =>
        _ours.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DoNothingAnalyzer())).GetAnalyzerDiagnosticsAsync();

    [Benchmark, BenchmarkCategory("analyzers")]
    public Task<ImmutableArray<Diagnostic>> Ours_Analyzers() =>
        _ours.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WebhookTaskAnalyzer())).GetAnalyzerDiagnosticsAsync();

    /// <summary>The first stage alone: every type's attributes searched for [WebhookTask], as the analyzer does.</summary>
    [Benchmark, BenchmarkCategory("analyzer stages")]
    public int Stage_FindTasks()
    {
        var found = 0;
        foreach (var type in _types)
        {
            found += TaskAttribute(type) is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>The second: each task's declaration read from its symbols (shared with the generator).</summary>
    [Benchmark, BenchmarkCategory("analyzer stages")]
    public int Stage_ReadDeclarations()
    {
        var inputs = 0;
        foreach (var (type, attribute) in _tasks)
        {
            inputs += TaskDeclaration.Read(type, attribute).Inputs.Count;
        }

        return inputs;
    }

    /// <summary>The whole check of each task (reading included), as the analyzer's symbol action runs it.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("analyzer stages")]
    public int Stage_CheckTasks()
    {
        var diagnostics = 0;
        foreach (var (type, attribute) in _tasks)
        {
            TaskChecker.Check(type, attribute, _bound, _ => diagnostics++, default);
        }

        return diagnostics;
    }

    /// <summary>The tasks the analyzer stages run over, for checks.</summary>
    internal int StageTaskCount => _tasks.Count;

    private AttributeData? TaskAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private static GeneratorDriver FloorDriver() =>
        CSharpGeneratorDriver.Create(new[] { new FloorGenerator().AsSourceGenerator() }, parseOptions: Parse);

    private static GeneratorDriver OurDriver() =>
        CSharpGeneratorDriver.Create(new[] { new WebhookTaskGenerator().AsSourceGenerator() }, parseOptions: Parse);

    private GeneratorDriver RefitDriver() =>
        CSharpGeneratorDriver.Create(new[] { _refitGenerator.AsSourceGenerator() }, parseOptions: Parse);

    private static CSharpCompilation Compilation(string name, IEnumerable<string> sources, MetadataReference library) =>
        CSharpCompilation.Create(
            name,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, Parse, path: $"File{i}.cs")),
            Net80.References.All.Append(library),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, Parse, old.FilePath));
    }

    private static string Unrelated(int value) => $"namespace App; public static class Unrelated {{ public static int Value => {value}; }}";

    private static string TaskSource(int i) => $$""""
        using WebhookTasks;
        namespace App.Tasks;
        [WebhookTask("task-{{i}}", Url = "https://api.example.com/v1/items/{inputs.id}?page={inputs.page}",
            Data = """{ "text": "{inputs.text}", "count": "{inputs.page}" }""")]
        [Header("X-Request", "task-{{i}}")]
        public partial class Task{{i}}
        {
            public string Id { get; init; } = "";
            public int Page { get; init; }
            public string Text { get; init; } = "";
        }
        """";

    private static string InterfaceSource(int i)
    {
        var methods = string.Join("\n", Enumerable.Range(0, MethodsPerInterface).Select(m => $$"""
                [Refit.Post("/v1/items/{id}")]
                [Refit.Headers("X-Request: task-{{i * MethodsPerInterface + m}}")]
                System.Threading.Tasks.Task<string> Call{{m}}(string id, [Refit.Query] int page, [Refit.Body] Body{{i}} body);
            """));
        // Not "App.Refit": inside that namespace "Refit.Post" would bind to App.Refit.Post, which does not
        // exist, and Refit's generator would find no method to generate (Checks catches it).
        return $$"""
            namespace App.Hooks;
            public sealed record Body{{i}}(string text, int count);
            public interface IHooks{{i}}
            {
            {{methods}}
            }
            """;
    }
}

/// <summary>Subscribes to what <see cref="WebhookTaskAnalyzer"/> subscribes to (named types, the compilation's end) and does nothing.</summary>
// Made by the benchmark, never loaded by a compiler, so it carries no [DiagnosticAnalyzer] (which would ask
// this net10.0 assembly to follow the rules of one).
#pragma warning disable RS1001
internal sealed class DoNothingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
#pragma warning disable RS2008 // A benchmark's stand-in, never shipped: no release tracking.
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(static _ => { });
        });
    }
}

/// <summary>
/// ForAttributeWithMetadataName with our attribute and syntax filter and a transform that returns a constant:
/// the least any generator built on it pays per run, whatever its transform does.
/// </summary>
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tasks = context.SyntaxProvider.ForAttributeWithMetadataName(
            TaskDeclaration.WebhookTaskAttributeName,
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (_, _) => 0);

        // A pipeline no output reads is never run.
        context.RegisterSourceOutput(tasks, static (_, _) => { });
    }
}
