using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>Code being typed is often broken; the analyzer must never fail on it (an exception shows as AD0001).</summary>
public class IncompleteCodeTests
{
    public static TheoryData<string> Sources() => new()
    {
        """[WebhookTask(Url = "https://example.com/{inputs.""",
        """[WebhookTask(Url = )] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/" + )] public partial class A { }""",
        """[WebhookTask(Url = null, Data = null)] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", Method = )] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", Method = WebhookMethod.Nope)] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", Data = "{ \"a\": ")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", Data = "\u0000\"")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/")] [Header(null, null)] [Secret(null)] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/")] [Header("X")] [Header()] [Secret] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/{inputs.a}")] public partial class A { [Input(null)] public int A2 { get; set; } }""",
        """[WebhookTask(Url = "https://example.com/{inputs.a.B.C}")] public partial class A { public Missing A { get; set; } }""",
        """[WebhookTask(Url = "https://example.com/{inputs.a}")] public partial class A : Missing { }""",
        """[WebhookTask("a", "b", Url = "https://example.com/")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/")] public partial struct A { }""",
        """[WebhookTask(Url = "https://example.com/")] public partial interface A { }""",
        """[WebhookTask(Url = "https://example.com/")] public partial class""",
        """[WebhookTask(Url = @"https://example.com/{inputs.a}""",
        """[WebhookTask(Url = \"\"\"https://example.com/{inputs.a}""",
        """[WebhookTask(Url = "https://example.com/\q{inputs.a}")] public partial class A { }""",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Broken_declarations_do_not_make_the_analyzer_fail(string declaration)
    {
        var diagnostics = await Verify.Diagnostics("using WebhookTasks;\n" + declaration);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task An_analyzer_exception_shows_as_AD0001()
    {
        // Guards the test above: the way it runs analyzers reports their exceptions as diagnostics.
        var compilation = Verify.Compile("public class A { }");

        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);

        Assert.Contains(diagnostics, d => d.Id == "AD0001");
    }

#pragma warning disable RS1001 // A test double, handed to the compilation directly rather than discovered.
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("thrown"), SymbolKind.NamedType);
        }
    }
#pragma warning restore RS1001
}
