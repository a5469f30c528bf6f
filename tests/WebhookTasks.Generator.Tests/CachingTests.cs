using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookTasks.Generator.Tests;

/// <summary>The pipeline is incremental: unchanged input does no work, one edited task regenerates alone.</summary>
public sealed class CachingTests
{
    private const string First = """
        using WebhookTasks;
        namespace App;
        [WebhookTask("first", Url = "https://example.com/a/{inputs.id}")]
        public partial class First { public int Id { get; set; } }
        """;

    private const string Second = """
        using WebhookTasks;
        namespace App;
        [WebhookTask("second", Url = "https://example.com/b", Data = "{ \"n\": \"{inputs.n}\" }")]
        public partial class Second { public int N { get; set; } }
        """;

    private const string Unrelated = """
        namespace App;
        public sealed class Unrelated { public int Value => 1; }
        """;

    [Fact]
    public void Running_twice_on_the_same_compilation_is_all_cached()
    {
        var compilation = GeneratorHarness.Compile(First, Second, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var rerun = driver.RunGenerators(compilation.Clone(), TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        AssertDidNoWork(rerun);
    }

    [Fact]
    public void An_unrelated_edit_emits_nothing_new()
    {
        var compilation = GeneratorHarness.Compile(First, Second, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = Replace(compilation, 2, Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        AssertDidNoWork(result);
    }

    [Fact]
    public void An_unrelated_edit_plans_no_task_again()
    {
        var compilation = GeneratorHarness.Compile(First, Second, Sources.ValueKinds, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = Replace(compilation, 3, Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        // The declarations were read again (the transform always reruns) and found equal; planning did not run.
        var declarations = result.TrackedSteps[TrackingNames.Declarations].SelectMany(run => run.Outputs).ToList();
        var plans = result.TrackedSteps[TrackingNames.TaskSpecs].SelectMany(run => run.Outputs).ToList();
        Assert.Equal(3, plans.Count);
        Assert.Equal(plans.Count, declarations.Count);
        Assert.All(declarations, output => Assert.IsType<Model.DeclaredTask>(output.Value));
        Assert.All(plans, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_a_property_type_used_in_a_member_path_plans_that_task_again()
    {
        const string address = "namespace App; public sealed class Address { public string City { get; set; } = \"\"; }";
        const string task = """
            using WebhookTasks;
            namespace App;
            [WebhookTask("ship", Url = "https://example.com/", Data = "{ \"city\": \"{inputs.to.City}\" }")]
            public partial class Ship { public Address? To { get; set; } }
            """;
        var compilation = GeneratorHarness.Compile(task, address);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = Replace(compilation, 1, address.Replace("string City", "int City", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var plan = result.TrackedSteps[TrackingNames.TaskSpecs].SelectMany(run => run.Outputs).Single();
        Assert.Equal(IncrementalStepRunReason.Modified, plan.Reason);
        Assert.Contains("if (this.To?.City is { } __scalar", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_tasks_url_regenerates_that_task_alone()
    {
        var compilation = GeneratorHarness.Compile(First, Second, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = Replace(compilation, 0, First.Replace("/a/", "/changed/", StringComparison.Ordinal));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        var declarations = result.TrackedSteps[TrackingNames.Declarations]
            .Select(run => (Declaration: run.Outputs.Single().Value as Model.DeclaredTask, run.Outputs.Single().Reason))
            .ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, declarations.Single(r => r.Declaration?.TaskName == "first").Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, declarations.Single(r => r.Declaration?.TaskName == "second").Reason);
        var reasons = result.TrackedSteps[TrackingNames.TaskSpecs]
            .Select(run => (Spec: run.Outputs.Single().Value as Model.TaskSpec, run.Outputs.Single().Reason))
            .ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, reasons.Single(r => r.Spec?.TaskName == "first").Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, reasons.Single(r => r.Spec?.TaskName == "second").Reason);
        var emitted = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs)
            .Count(output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(1, emitted);
        Assert.Contains("/changed/", result.GeneratedSources.Single(s => s.HintName == "App.First.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_values_hold_no_roslyn_objects()
    {
        var compilation = GeneratorHarness.Compile(First, Second, Sources.ValueKinds, Sources.SecretsAndHosts);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        // Roslyn's own steps (syntax trees for ForAttributeWithMetadataName) are not ours to check.
        var values = result.TrackedSteps.Where(step => step.Key.StartsWith("WebhookTasks.", StringComparison.Ordinal))
            .Concat(result.TrackedOutputSteps)
            .SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(output => output.Value).ToList();

        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "output");
        }
    }

    /// <summary>Every declaration and task spec came from the cache and no source was emitted again.</summary>
    private static void AssertDidNoWork(GeneratorRunResult result)
    {
        foreach (var step in new[] { TrackingNames.Declarations, TrackingNames.TaskSpecs })
        {
            var outputs = result.TrackedSteps[step].SelectMany(run => run.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.CSharp10, old.FilePath));
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel or SyntaxTree,
            $"{path} holds a {value.GetType().FullName}, which would keep a compilation alive and defeat caching.");

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, seen, $"{path}[{i++}]");
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }
}
