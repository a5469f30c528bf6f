using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Basic.Reference.Assemblies;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookTasks.Generator;

namespace WebhookTasks.Reliability.Tests;

/// <summary>One piece of a random template: literal text (as written, and as it must arrive) or an input.</summary>
internal sealed record Piece(string Written, string Arrives, int Input = -1)
{
    public bool IsInput => Input >= 0;
}

/// <summary>A random valid task: path segments, query parameters and Data members made of pieces over string inputs p0, p1, ...</summary>
internal sealed record RandomTask(
    bool IsGet, Piece[][] Segments, (string Name, Piece[] Value)[] Query, (string Key, Piece[] Value)[] Data, int Inputs)
{
    public string Url => "https://example.invalid/" + string.Join("/", Segments.Select(Write))
        + (Query.Length == 0 ? "" : "?" + string.Join("&", Query.Select(q => q.Name + "=" + Write(q.Value))));

    public string? DataText => Data.Length == 0 ? null
        : "{ " + string.Join(", ", Data.Select(d => JsonSerializer.Serialize(d.Key) + ": " + JsonSerializer.Serialize(Write(d.Value)))) + " }";

    public static string Write(Piece[] pieces) => string.Concat(pieces.Select(p => p.IsInput ? "{inputs.p" + p.Input + "}" : p.Written));

    public static string Arrive(Piece[] pieces, string[] values) =>
        string.Concat(pieces.Select(p => p.IsInput ? Gens.AsSent(values[p.Input]) : p.Arrives));
}

/// <summary>
/// Random valid templates, compiled in memory by the generator and loaded, then rendered with random values:
/// what is sent parses back to exactly the values given.
/// </summary>
public sealed class RandomTemplateRoundTrip
{
    private const int TaskCount = 24;
    private const int Iterations = 1_500;

    private static readonly WebhookClient RenderClient = new(new System.Net.Http.HttpClient());

    // Literal URL text as written in a template, and what it must decode to: unreserved characters, sub-delimiters,
    // escaped braces and a percent escape. (Literal non-ASCII text is left out: see the skipped UrlTemplate property.)
    private static readonly Gen<Piece> PathLiteral = Gen.OneOf(
        new Piece("a", "a"), new Piece("items", "items"), new Piece("X-9", "X-9"), new Piece("~_.", "~_."), new Piece("+", "+"),
        new Piece("!$'()*,;=:@", "!$'()*,;=:@"), new Piece("{{", "{"), new Piece("}}", "}"), new Piece("%20", " "), new Piece("v1.2", "v1.2"));

    private static readonly Gen<Piece> QueryLiteral = Gen.OneOf(
        new Piece("a", "a"), new Piece("x_y", "x_y"), new Piece("/", "/"), new Piece("?", "?"), new Piece("!$'()*,;:@", "!$'()*,;:@"),
        new Piece("{{", "{"), new Piece("%26", "&"), new Piece("%3D", "="), new Piece("-", "-"));

    private static readonly Gen<string> TextLiteral = Gen.OneOf("hi ", "\u00e9", "\U0001F600", " / ", "\"q\"", "\\", "{{x}}", "\t", "<&>");

    private static Gen<Piece[]> Pieces(Gen<Piece> literal, int inputs) =>
        Gen.Frequency<Piece>((2, literal), (2, Gen.Int[0, inputs - 1].Select(i => new Piece("", "", i)))).Array[1, 4]
            .Select(pieces => pieces.Where((p, i) => !(p.IsInput && i > 0 && pieces[i - 1].IsInput)).ToArray());

    private static readonly Gen<RandomTask> Tasks =
        from inputs in Gen.Int[1, 4]
        from isGet in Gen.Bool
        from segments in Pieces(PathLiteral, inputs).Array[1, 4]
        from query in Gen.Select(Gen.OneOf("q", "name", "x-y", "a.b", "_"), Pieces(QueryLiteral, inputs)).Array[0, 3]
        from data in Gen.Select(Gen.OneOf("k", "text", "\u00e9", "a b", "n1"), Gen.Frequency<Piece>(
            (2, TextLiteral.Select(t => new Piece(t.Replace("{{", "{{").Replace("}}", "}}"), t.Replace("{{", "{").Replace("}}", "}")))),
            (2, Gen.Int[0, inputs - 1].Select(i => new Piece("", "", i)))).Array[1, 3]).Array[0, 3]
        select new RandomTask(isGet, segments, query, data.DistinctBy(d => d.Item1).ToArray(), inputs);

    private static readonly Lazy<(RandomTask Task, Type Type)[]> Compiled = new(Compile);

    [Fact]
    public void Random_valid_templates_send_what_parses_back_to_the_values_given()
    {
        var compiled = Compiled.Value;
        Gen.Select(Gen.Int[0, compiled.Length - 1], Gens.Value.Array[4]).Sample(t =>
        {
            var (task, type) = compiled[t.Item1];
            var values = t.Item2;
            var instance = (IWebhookTask)Activator.CreateInstance(type)!;
            for (var i = 0; i < task.Inputs; i++)
            {
                type.GetProperty("P" + i)!.SetValue(instance, values[i]);
            }

            // Left out: a segment, not the last, of one or two characters that ends in literal text after a value, which
            // WebhookRequestBuilder.Path mishandles (see the skipped RoundTripProperties test).
            if (task.Segments.SkipLast(1).Any(s => s.Any(p => p.IsInput) && !s[^1].IsInput && RandomTask.Arrive(s, values).Length <= 2))
            {
                return;
            }

            var refused = task.Segments.Any(s => s.Any(p => p.IsInput) && RandomTask.Arrive(s, values) is "." or "..");
            if (refused)
            {
                Assert.Throws<ArgumentException>(() => instance.Render(RenderClient));
                return;
            }

            var request = instance.Render(RenderClient);
            var (segments, query) = RoundTrip.Decode(RoundTrip.TargetOf(request.Url), templateHasPlus: task.Url.Contains('+'));
            Assert.Equal(task.Segments.Select(s => RandomTask.Arrive(s, values)).Prepend(""), segments);
            var expectedQuery = task.Query.Select(q => new KeyValuePair<string, string>(q.Name, RandomTask.Arrive(q.Value, values))).ToList();
            if (task.IsGet)
            {
                expectedQuery.AddRange(task.Data.Select(d => new KeyValuePair<string, string>(d.Key, RandomTask.Arrive(d.Value, values))));
                Assert.Null(request.Body);
            }
            else
            {
                using var body = JsonDocument.Parse(request.BodyUtf8);
                var members = body.RootElement.EnumerateObject().Select(m => new KeyValuePair<string, string?>(m.Name, m.Value.GetString())).ToList();
                Assert.Equal(task.Data.Select(d => new KeyValuePair<string, string?>(d.Key, RandomTask.Arrive(d.Value, values))), members);
            }

            Assert.Equal(expectedQuery, query);
        }, iter: Iterations, print: t => Show(compiled[t.Item1].Task, t.Item2));
    }

    private static string Show(RandomTask task, string[] values) =>
        task.Url + " " + task.DataText + " <- " + string.Join(", ", values.Select(v => JsonSerializer.Serialize(v)));

    private static (RandomTask Task, Type Type)[] Compile()
    {
        var tasks = Tasks.Array[TaskCount].Single();
        var source = new StringBuilder("using WebhookTasks;\nnamespace RandomTasks;\n");
        for (var t = 0; t < tasks.Length; t++)
        {
            var task = tasks[t];
            var data = task.DataText is { } text ? ", Data = " + SymbolDisplay.FormatLiteral(text, quote: true) : "";
            var url = SymbolDisplay.FormatLiteral(task.Url, quote: true);
            source.AppendLine($"[WebhookTask(\"random-{t}\", Url = {url}, Method = WebhookMethod.{(task.IsGet ? "Get" : "Post")}{data})]");
            source.AppendLine($"public partial class Task{t} {{");
            for (var i = 0; i < task.Inputs; i++)
            {
                source.AppendLine($"    public string P{i} {{ get; set; }} = \"\";");
            }

            source.AppendLine("}");
        }

        var compilation = CSharpCompilation.Create(
            "RandomTasks",
            [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest))],
            Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(WebhookTaskAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new WebhookTaskGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics) + "\n" + source);
        var generated = output.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToList();
        Assert.Equal(TaskCount, generated.Count);
        Assert.All(generated, g => Assert.DoesNotContain("InvalidOperationException(", g, StringComparison.Ordinal));

        image.Position = 0;
        var assembly = new AssemblyLoadContext("random-tasks", isCollectible: true).LoadFromStream(image);
        return tasks.Select((task, t) => (task, assembly.GetType("RandomTasks.Task" + t)!)).ToArray();
    }
}
