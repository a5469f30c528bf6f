using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WebhookTasks.Generator;

namespace WebhookTasks.Benchmarks;

/// <summary>
/// What must hold before any figure is worth reading (run.sh runs it first; <c>dotnet run -c Release -- --check</c>):
/// the three implementations of each shape send the same request, every generator under test generates
/// code for all 1,000 tasks or methods, an unrelated edit emits nothing and one task's edit one file. It also
/// prints the analyzers' own time (the compiler's telemetry) and the exact bytes each per-call benchmark
/// allocates, measured on one thread (the in-memory handler completes synchronously, so a whole call runs
/// on the caller's thread).
/// </summary>
public static class Checks
{
    /// <summary>Runs the checks; returns the process exit code.</summary>
    public static int Run()
    {
        var failures = 0;
        failures += CheckSameRequests();
        failures += CheckGenerators();
        PrintAllocations();
        Console.WriteLine(failures == 0 ? "Checks passed." : $"{failures} check(s) failed.");
        return failures == 0 ? 0 : 1;
    }

    private static int CheckSameRequests()
    {
        var benchmarks = new PerCallBenchmarks();
        benchmarks.Setup();
        var failures = 0;
        foreach (var (shape, calls) in Shapes(benchmarks))
        {
            var requests = calls.Select(call => Capture(call.Run)).ToList();
            var different = Enumerable.Range(1, requests.Count - 1).Where(i => requests[i] != requests[0]).ToList();
            foreach (var i in different)
            {
                Console.WriteLine($"FAIL {shape}: {calls[i].Name} sends another request than {calls[0].Name}:\n{requests[i]}\n--- versus ---\n{requests[0]}");
            }

            failures += different.Count;
            if (different.Count == 0)
            {
                Console.WriteLine($"ok   {shape}: all {calls.Count} implementations send the same request ({requests[0].Length} characters as text).");
            }
        }

        return failures;
    }

    private static string Capture(Func<Task<string>> call)
    {
        InMemoryHandler.Captured = new List<string>();
        try
        {
            call().GetAwaiter().GetResult();
            return string.Join("\n", InMemoryHandler.Captured);
        }
        finally
        {
            InMemoryHandler.Captured = null;
        }
    }

    private static int CheckGenerators()
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        var failures = 0;
        foreach (var (name, compilation) in benchmarks.Inputs)
        {
            // An attribute that does not bind (Refit.Post inside a namespace App.Refit, say) is an error here,
            // and a generator that silently finds nothing to do.
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            failures += errors.Count == 0 ? 0 : 1;
            Console.WriteLine($"{(errors.Count == 0 ? "ok  " : "FAIL")} {name} input compilation: {compilation.SyntaxTrees.Count()} files, {errors.Count} errors{(errors.Count == 0 ? "" : ", first: " + errors[0])}.");
        }

        foreach (var (name, driver, expected) in new (string, GeneratorDriver, int)[]
        {
            ("WebhookTasks generator, cold", benchmarks.Ours_Cold(), GeneratorBenchmarks.Tasks),
            ("Refit generator, cold", benchmarks.Refit_Cold(), GeneratorBenchmarks.Tasks),
        })
        {
            var result = driver.GetRunResult();
            var text = result.GeneratedTrees.Select(tree => tree.GetText().ToString()).ToList();
            var methods = name.StartsWith("Refit", StringComparison.Ordinal)
                ? text.Sum(source => Count(source, "public global::System.Threading.Tasks.Task<string> Call"))
                : text.Sum(source => Count(source, "public global::WebhookTasks.WebhookRequest Render("));
            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var ok = methods == expected && errors == 0;
            failures += ok ? 0 : 1;
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}: {result.GeneratedTrees.Length} files, {methods} of {expected} methods generated, {errors} errors.");
            foreach (var diagnostic in result.Diagnostics.Take(5))
            {
                Console.WriteLine("     " + diagnostic);
            }
        }

        failures += CheckIncrementality(benchmarks);
        PrintAnalyzerTime(benchmarks);
        failures += PrintCompileTimeCosts(benchmarks);
        return failures;
    }

    // Allocations are exact whatever the machine's load. Times are not, so every scenario is measured in
    // five interleaved rounds (a load that comes and goes hits all of them alike) and the least elapsed and
    // CPU time per run is kept: the run least disturbed by the other builds sharing the cores.
    private static int PrintCompileTimeCosts(GeneratorBenchmarks benchmarks)
    {
        var ok = benchmarks.StageTaskCount == GeneratorBenchmarks.Tasks;
        Console.WriteLine($"{(ok ? "ok  " : "FAIL")} analyzer stages run over {benchmarks.StageTaskCount} tasks (expected {GeneratorBenchmarks.Tasks}).");
        var scenarios = new (string Name, Action Run)[]
        {
            ("generator cold: WebhookTasks", () => benchmarks.Ours_Cold()),
            ("generator cold: Refit", () => benchmarks.Refit_Cold()),
            ("generator cold: FAWMN floor", () => benchmarks.Floor_Cold()),
            ("unrelated edit: WebhookTasks", () => benchmarks.Ours_UnrelatedEdit()),
            ("unrelated edit: Refit", () => benchmarks.Refit_UnrelatedEdit()),
            ("unrelated edit: FAWMN floor", () => benchmarks.Floor_UnrelatedEdit()),
            ("edit, new compilation: WebhookTasks", () => benchmarks.Ours_UnrelatedEditNewCompilation()),
            ("edit, new compilation: Refit", () => benchmarks.Refit_UnrelatedEditNewCompilation()),
            ("edit, new compilation: FAWMN floor", () => benchmarks.Floor_UnrelatedEditNewCompilation()),
            ("one task edited: WebhookTasks", () => benchmarks.Ours_OneTaskEdited()),
            ("one task edited: Refit", () => benchmarks.Refit_OneMethodEdited()),
            ("analyzer stage: find tasks", () => benchmarks.Stage_FindTasks()),
            ("analyzer stage: read declarations", () => benchmarks.Stage_ReadDeclarations()),
            ("analyzer stage: check tasks", () => benchmarks.Stage_CheckTasks()),
            ("analyzers, CompilationWithAnalyzers", () => benchmarks.Ours_Analyzers().GetAwaiter().GetResult()),
            ("do-nothing analyzer, the same way", () => benchmarks.DoNothingAnalyzer().GetAwaiter().GetResult()),
        };

        var bytes = new long[scenarios.Length];
        for (var i = 0; i < scenarios.Length; i++)
        {
            scenarios[i].Run();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            scenarios[i].Run();
            bytes[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        var elapsed = Enumerable.Repeat(TimeSpan.MaxValue, scenarios.Length).ToArray();
        var cpu = Enumerable.Repeat(TimeSpan.MaxValue, scenarios.Length).ToArray();
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < scenarios.Length; i++)
            {
                var (wall, processor) = TimePerRun(scenarios[i].Run);
                elapsed[i] = wall < elapsed[i] ? wall : elapsed[i];
                cpu[i] = processor < cpu[i] ? processor : cpu[i];
            }
        }

        Console.WriteLine($"     {"(least of 5 rounds; per task = / " + GeneratorBenchmarks.Tasks + ")",-36} {"allocated",11} {"B/task",8} {"elapsed",10} {"us/task",8} {"CPU",10} {"us/task",8}");
        for (var i = 0; i < scenarios.Length; i++)
        {
            Console.WriteLine(
                $"     {scenarios[i].Name,-36} {bytes[i] / 1e6,8:0.00} MB {bytes[i] / (double)GeneratorBenchmarks.Tasks,8:0}"
                + $" {elapsed[i].TotalMilliseconds,7:0.00} ms {elapsed[i].TotalMilliseconds * 1000 / GeneratorBenchmarks.Tasks,8:0.0}"
                + $" {cpu[i].TotalMilliseconds,7:0.00} ms {cpu[i].TotalMilliseconds * 1000 / GeneratorBenchmarks.Tasks,8:0.0}");
        }

        return ok ? 0 : 1;
    }

    /// <summary>
    /// Elapsed and process CPU time per run, over runs repeated until they add up to a quarter of a second
    /// of CPU (the process clock counts in ticks of 10 ms).
    /// </summary>
    private static (TimeSpan Elapsed, TimeSpan Cpu) TimePerRun(Action run)
    {
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var runs = 0;
        TimeSpan spent;
        do
        {
            run();
            runs++;
            spent = Process.GetCurrentProcess().TotalProcessorTime - start;
        }
        while (spent < TimeSpan.FromMilliseconds(250));

        return (TimeSpan.FromTicks(clock.Elapsed.Ticks / runs), TimeSpan.FromTicks(spent.Ticks / runs));
    }

    // The analyzer's own execution time, as the compiler's telemetry counts it (without binding the compilation).
    private static void PrintAnalyzerTime(GeneratorBenchmarks benchmarks)
    {
        var analyzer = new WebhookTasks.Analyzers.WebhookTaskAnalyzer();
        for (var round = 0; round < 3; round++)
        {
            var withAnalyzers = benchmarks.OurCompilations.Cold.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"     WebhookTasks analyzers, run {round + 1}: {telemetry.ExecutionTime.TotalMilliseconds:0.0} ms of their own over {GeneratorBenchmarks.Tasks} tasks, {diagnostics.Length} diagnostics.");
        }
    }

    // With step tracking on (never while timing): an unrelated edit must emit nothing, one task's edit one file.
    private static int CheckIncrementality(GeneratorBenchmarks benchmarks)
    {
        var (cold, unrelated, taskEdit) = benchmarks.OurCompilations;
        var driver = CSharpGeneratorDriver.Create(
            new[] { new WebhookTaskGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)cold.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGenerators(cold);
        var failures = 0;
        foreach (var (name, edited, expectedModified) in new[] { ("unrelated edit", unrelated, 0), ("one task edited", taskEdit, 1) })
        {
            var outputs = driver.RunGenerators(edited).GetRunResult().Results.Single().TrackedOutputSteps
                .SelectMany(step => step.Value)
                .SelectMany(step => step.Outputs)
                .ToList();
            var modified = outputs.Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
            var ok = modified == expectedModified && outputs.Count == GeneratorBenchmarks.Tasks;
            failures += ok ? 0 : 1;
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} WebhookTasks generator, {name}: {modified} of {outputs.Count} outputs emitted again (expected {expectedModified}).");
        }

        return failures;
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void PrintAllocations()
    {
        var benchmarks = new PerCallBenchmarks();
        benchmarks.Setup();
        const int Calls = 10_000;
        foreach (var (shape, calls) in Shapes(benchmarks))
        {
            foreach (var (name, run) in calls)
            {
                // Long enough for tiered compilation to replace the first code, which allocates where the final code does not.
                for (var round = 0; round < 3; round++)
                {
                    for (var i = 0; i < 20_000; i++)
                    {
                        run().GetAwaiter().GetResult();
                    }

                    Thread.Sleep(300);
                }

                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < Calls; i++)
                {
                    run().GetAwaiter().GetResult();
                }

                var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
                Console.WriteLine($"{shape,-24} {name,-24} {bytes,8:0} B/call");
            }
        }
    }

    private static IEnumerable<(string Shape, List<(string Name, Func<Task<string>> Run)> Calls)> Shapes(PerCallBenchmarks b)
    {
        yield return ("GET path + 2 query", new() { ("Get_HandWritten", b.Get_HandWritten), ("Get_Generated", b.Get_Generated), ("Get_Refit", b.Get_Refit) });
        yield return ("POST 3 fields", new() { ("PostSmall_HandWritten", b.PostSmall_HandWritten), ("PostSmall_Generated", b.PostSmall_Generated), ("PostSmall_Refit", b.PostSmall_Refit) });
        yield return ("POST 20 fields nested", new() { ("PostLarge_HandWritten", b.PostLarge_HandWritten), ("PostLarge_Generated", b.PostLarge_Generated), ("PostLarge_Refit", b.PostLarge_Refit) });
    }
}
