using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookTasks.Generator;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>
/// The analyzers and the generator read a declaration with the same code; these tests check the promise
/// that follows: the generator builds a task's <c>Render</c> exactly when the analyzers report none of the
/// errors its planner can see, so a task that would throw at run time never compiles silently. (The rules
/// for what only fails when the built task runs or compiles, WHT0019 and WHT0024 to WHT0028, report tasks
/// whose <c>Render</c> is built, and are left out here.)
/// </summary>
public class GeneratorAgreementTests
{
    private const string Marker = "has errors in its declaration";

    public static TheoryData<string> Declarations() => new()
    {
        // Valid declarations.
        """[WebhookTask(Url = "https://example.com/")] public partial class A { }""",
        """
        [WebhookTask(Url = "https://example.com/{inputs.id}?q={inputs.tags}")]
        public partial class A
        {
            public int Id { get; set; }
            public string[] Tags { get; set; } = [];
        }
        """,
        """
        [WebhookTask(Url = "https://{inputs.host}.example.com:8080/x")]
        public partial class A
        {
            public string Host { get; set; } = "";
        }
        """,
        """[WebhookTask(Url = "{secrets.url}")] [Secret("url")] public partial class A { }""",
        """
        [WebhookTask(Url = "https://example.com/",
            Data = "{ \"a\": \"{inputs.items}\", \"b\": [{ \"c\": \"{inputs.id:D4}\" }] }")]
        public partial class A
        {
            public List<Item> Items { get; set; } = new();
            public int Id { get; set; }
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/",
            Method = WebhookMethod.Get,
            Data = "{ \"a\": [\"{inputs.tags}\", 1, null], \"{inputs.id}\": true }")]
        public partial class A
        {
            public List<int> Tags { get; set; } = new();
            public int Id { get; set; }
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.item.Name}")]
        [Header("X-When", "{inputs.when:O}")]
        public partial class A
        {
            public Item Item { get; set; } = new();
            public DateTime When { get; set; }
        }
        """,
        """[WebhookTask(Url = "https://example.com/page#top")] public partial class A { }""",

        // Declarations the generator cannot build.
        """[WebhookTask(Url = "https://example.com/")] public class A { }""",
        """public class Outer { [WebhookTask(Url = "https://example.com/")] public partial class A { } }""",
        """[WebhookTask(Url = "https://example.com/")] public partial class A<T> { }""",
        """[WebhookTask(Url = "https://example.com/")] public static partial class A { }""",
        """[WebhookTask] public partial class A { }""",
        """[WebhookTask(Url = "")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", Method = (WebhookMethod)9)] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/{inputs.nope}")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/{inputs}")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/}")] public partial class A { }""",
        """[WebhookTask(Url = "{secrets.url}")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/#{secrets.url}")] public partial class A { }""",
        """[WebhookTask(Url = "ftp://example.com/")] public partial class A { }""",
        """[WebhookTask(Url = "https://u:p@example.com/")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com:port/")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/%zz")] public partial class A { }""",
        """
        [WebhookTask(Url = "{inputs.scheme}://example.com/")]
        public partial class A
        {
            public string Scheme { get; set; } = "";
        }
        """,
        """[WebhookTask(Url = "https://example.com/", Data = "[1]")] public partial class A { }""",
        """[WebhookTask(Url = "https://example.com/", Data = "{ \"a\": 1, }")] public partial class A { }""",
        """
        [WebhookTask(Url = "https://example.com/", Data = "{ \"a\": \"{inputs.x:}\" }")]
        public partial class A
        {
            public int X { get; set; }
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/",
            Method = WebhookMethod.Get,
            Data = "{ \"a\": { \"b\": 1 } }")]
        public partial class A { }
        """,
        """
        [WebhookTask(Url = "https://example.com/", Method = WebhookMethod.Delete, Data = "{ \"a\": [[1]] }")]
        public partial class A { }
        """,
        """
        [WebhookTask(Url = "https://example.com/",
            Method = WebhookMethod.Get,
            ShowData = true,
            Data = "{ \"a\": { \"b\": 1 } }")]
        public partial class A { }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.item.Nope}")]
        public partial class A
        {
            public Item Item { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.item:N}")]
        public partial class A
        {
            public Item Item { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/{inputs.tags}")]
        public partial class A
        {
            public List<int> Tags { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/?q={inputs.items}")]
        public partial class A
        {
            public List<Item> Items { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/?q=a{inputs.tags}")]
        public partial class A
        {
            public List<int> Tags { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/",
            Method = WebhookMethod.Get,
            Data = "{ \"a\": \"{inputs.items}\" }")]
        public partial class A
        {
            public List<Item> Items { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/", Data = "{ \"{inputs.tags}\": 1 }")]
        public partial class A
        {
            public List<int> Tags { get; set; } = new();
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/")]
        [Header("X-Tags", "{inputs.tags}")]
        public partial class A
        {
            public List<int> Tags { get; set; } = new();
        }
        """,
        """[WebhookTask(Url = "https://example.com/")] [Header("Bad Name", "x")] public partial class A { }""",
        """
        [WebhookTask(Url = "https://example.com/")]
        [Header("X-{inputs.tenant}", "x")]
        public partial class A
        {
            public string Tenant { get; set; } = "";
        }
        """,
        """
        [WebhookTask(Url = "https://example.com/")]
        [Header("X-Key", "{secrets.key}")]
        public partial class A { }
        """,
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task Analyzers_report_an_error_exactly_when_the_generator_gives_up(string declaration)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using WebhookTasks;

            public sealed class Item
            {
                public string Name { get; set; } = "";
            }

            {{declaration}}
            """;
        var compilation = Verify.Compile(source);
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Empty(compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));

        var generated = CSharpGeneratorDriver.Create(new WebhookTaskGenerator())
            .RunGenerators(compilation, cancellationToken)
            .GetRunResult().GeneratedTrees
            .Select(t => t.ToString())
            .ToList();
        var gaveUp = generated.Count == 0 || generated.Any(text => text.Contains(Marker, StringComparison.Ordinal));
        var errors = (await Verify.Diagnostics(compilation))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id)
            .ToList();

        Assert.True(gaveUp == (errors.Count > 0), $"generator gave up: {gaveUp}; analyzer errors: [{string.Join(", ", errors)}]");
    }
}
