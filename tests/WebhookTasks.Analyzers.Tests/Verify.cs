using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>
/// Runs <see cref="WebhookTaskAnalyzer"/> over a source against the .NET 8 reference assemblies (nothing is
/// downloaded at test time) and the WebhookTasks runtime.
/// </summary>
internal static class Verify
{
    private static readonly MetadataReference Runtime =
        MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location);

    /// <summary>Checks that the source's markup matches the analyzer's diagnostics exactly: IDs and spans.</summary>
    public static Task Analyzer(string source) => Test(source).RunAsync(TestContext.Current.CancellationToken);

    /// <summary>A test to add expected diagnostics to, for checks of messages as well as spans.</summary>
    public static CSharpAnalyzerTest<WebhookTaskAnalyzer, DefaultVerifier> Test(string source)
    {
        var test = new CSharpAnalyzerTest<WebhookTaskAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net8.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        test.TestState.AdditionalReferences.Add(Runtime);
        return test;
    }

    /// <summary>A compilation of a source without markup.</summary>
    public static CSharpCompilation Compile(string source)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), cancellationToken: cancellationToken);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        return CSharpCompilation.Create("Tasks", new[] { tree }, new List<MetadataReference>(Net80.References.All) { Runtime }, options);
    }

    /// <summary>The analyzer's diagnostics for a source without markup, with their properties.</summary>
    public static Task<ImmutableArray<Diagnostic>> Diagnostics(string source) => Diagnostics(Compile(source));

    /// <summary>The analyzer's diagnostics for a compilation.</summary>
    public static Task<ImmutableArray<Diagnostic>> Diagnostics(Compilation compilation) =>
        compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WebhookTaskAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
}

/// <summary>Runs a code fix of the WebhookTasks analyzers' diagnostics the way the IDE applies it.</summary>
internal static class VerifyFix
{
    private static readonly MetadataReference Runtime =
        MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location);

    /// <summary>
    /// Checks that the fix with <paramref name="equivalenceKey"/>, applied to every diagnostic in the markup of
    /// <paramref name="source"/>, produces exactly <paramref name="fixedSource"/> (whose markup lists what remains).
    /// </summary>
    public static Task Fix<TCodeFix>(string source, string fixedSource, string equivalenceKey)
        where TCodeFix : CodeFixProvider, new() =>
        Test<TCodeFix>(source, fixedSource, equivalenceKey).RunAsync(TestContext.Current.CancellationToken);

    /// <summary>A code fix test, for more documents, Fix All checks or expected diagnostics with arguments.</summary>
    public static CSharpCodeFixTest<WebhookTaskAnalyzer, TCodeFix, DefaultVerifier> Test<TCodeFix>(
        string source, string fixedSource, string equivalenceKey)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<WebhookTaskAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = new ReferenceAssemblies("net8.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        test.TestState.AdditionalReferences.Add(Runtime);
        return test;
    }
}
