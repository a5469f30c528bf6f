using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WebhookTasks.Package.Tests;

/// <summary>Consumers built from the package alone, as a user builds them: no project reference to this repository.</summary>
public sealed class ConsumerTests(PackageFixture package)
{
    private const string RenderTasks = """"
        using System.Collections.Generic;
        using WebhookTasks;

        namespace Shop;

        [WebhookTask("add-note",
            Url = "http://localhost:8000/users/{inputs.user}/notes",
            Method = WebhookMethod.Put,
            Data = """{ "text": "{inputs.text}", "item": "{inputs.item_id}", "tags": "{inputs.tags}" }""")]
        [Header("Content-Type", "application/json")]
        public partial class AddNote
        {
            public string User { get; init; } = "";
            public string Text { get; init; } = "";
            [Input("item_id")] public int ItemId { get; init; }
            public List<string> Tags { get; init; } = new();
        }

        [WebhookTask("search",
            Url = "http://localhost:8000/search",
            Method = WebhookMethod.Get,
            Data = """{ "q": "{inputs.query}", "page": "{inputs.page}" }""")]
        public partial class Search
        {
            public string Query { get; init; } = "";
            public int Page { get; init; }
        }
        """";

    // Renders only: nothing is sent and no server is needed.
    private const string RenderProgram = """
        using System;
        using Shop;
        using WebhookTasks;

        Print(new AddNote { User = "ada l/x", Text = "say \"hi\"", ItemId = 10, Tags = new() { "a", "b" } }.Render());
        Print(new Search { Query = "a&b c", Page = 2 }.Render());

        static void Print(WebhookRequest request) =>
            Console.Out.Write(request.Method + " " + request.Url + "\n" + (request.Body ?? "(no body)") + "\n");
        """;

    internal static async Task<Consumer> BuildRenderConsumerAsync(PackageFixture package)
    {
        var consumer = Consumer.Create(package, "render", new Dictionary<string, string>
        {
            ["Tasks.cs"] = RenderTasks,
            ["Program.cs"] = RenderProgram,
        });
        var build = await consumer.BuildAsync();
        if (!build.Succeeded)
        {
            throw new InvalidOperationException("The consumer of the package did not build. " + build.Describe());
        }

        return consumer;
    }

    [Fact]
    public async Task ConsumerBuiltFromThePackagePrintsTheRequestsItsTasksRender()
    {
        var consumer = await package.RenderConsumer;

        var run = await consumer.RunAsync(TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Describe());
        string[] expected =
        [
            "PUT http://localhost:8000/users/ada%20l%2Fx/notes",
            """{"text":"say \"hi\"","item":10,"tags":["a","b"]}""",
            "GET http://localhost:8000/search?q=a%26b%20c&page=2",
            "(no body)",
        ];
        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ConsumerOutputCarriesTheRuntimeButNoCompilerComponent()
    {
        var consumer = await package.RenderConsumer;

        var files = Directory.GetFiles(consumer.OutputDirectory).Select(Path.GetFileName).ToArray();
        var dependencies = File.ReadAllText(Path.Combine(consumer.OutputDirectory, Consumer.AssemblyName + ".deps.json"));

        Assert.Contains("WebhookTasks.dll", files);
        Assert.DoesNotContain("WebhookTasks.Generator.dll", files);
        Assert.DoesNotContain("WebhookTasks.Analyzers.dll", files);
        Assert.DoesNotContain("Scriban.Signed.dll", files);
        Assert.DoesNotContain("Scriban", dependencies, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("WebhookTasks.Generator.dll", dependencies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownInputPlaceholderFailsTheConsumerBuildWithWht0002AtThePlaceholder()
    {
        if (!package.Entries.Contains(PackageContentsTests.CompilerFolder + "WebhookTasks.Analyzers.dll"))
        {
            Assert.Skip(package.AnalyzersProjectExists
                ? "The package was packed without WebhookTasks.Analyzers.dll (was -p:PackAnalyzers=false passed?), so no analyzer can report WHT0002."
                : "analyzers/WebhookTasks.Analyzers/WebhookTasks.Analyzers.csproj does not exist yet, so the package carries no analyzer to report WHT0002.");
        }

        const string tasks = """"
            using WebhookTasks;

            namespace Shop;

            [WebhookTask("get-item",
                Url = "http://localhost:8000/items/{inputs.nope}",
                Method = WebhookMethod.Get,
                Data = """{ "id": "{inputs.id}" }""")]
            public partial class GetItem
            {
                public int Id { get; init; }
            }
            """";
        var (line, column) = LineAndColumnOf(tasks, "{inputs.nope}");
        var consumer = Consumer.Create(package, "unknown-input", new Dictionary<string, string>
        {
            ["Tasks.cs"] = tasks,
            ["Program.cs"] = "System.Console.WriteLine(new Shop.GetItem { Id = 1 }.Render());\n",
        });

        var build = await consumer.BuildAsync(TestContext.Current.CancellationToken);

        Assert.False(build.TimedOut, build.Describe());
        Assert.NotEqual(0, build.ExitCode);
        var reported = Regex.Matches(build.Output, @"Tasks\.cs\((?<line>\d+),(?<column>\d+)\): error WHT0002: (?<message>[^\n]*)")
            .Select(match => (Line: int.Parse(match.Groups["line"].Value), Column: int.Parse(match.Groups["column"].Value), Message: match.Groups["message"].Value))
            .Distinct()
            .ToArray();
        var diagnostic = Assert.Single(reported);
        Assert.True((line, column) == (diagnostic.Line, diagnostic.Column),
            $"WHT0002 should be at ({line},{column}), the placeholder's first character, but is at ({diagnostic.Line},{diagnostic.Column}). {build.Describe()}");
        Assert.Contains("nope", diagnostic.Message);
    }

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="text"/>.</summary>
    private static (int Line, int Column) LineAndColumnOf(string source, string text)
    {
        var offset = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' is not in the source.");
        var lineStart = source.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        var line = source.Take(offset).Count(character => character == '\n') + 1;
        return (line, offset - lineStart + 1);
    }
}
