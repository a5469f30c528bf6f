using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Refit;

namespace WebhookTasks.Benchmarks;

/// <summary>
/// Client-side cost of one call, per shape: the generated task, the best hand-written HttpClient code
/// (the baseline) and Refit, each sending the same request bytes to an in-memory handler.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PerCallBenchmarks
{
    private static readonly string[] Tags = { "alpha", "beta", "gamma" };
    private static readonly DateTimeOffset When = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    // WebhookTasks escapes JSON text as UnsafeRelaxedJsonEscaping does (a '+' stays '+'); so do the others,
    // so that all three send the same bytes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private HttpClient _http = null!;
    private WebhookClient _webhooks = null!;
    private IRefitHooks _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new InMemoryHandler()) { BaseAddress = new Uri("https://api.example.com"), Timeout = TimeSpan.FromSeconds(10) };
        _webhooks = new WebhookClient(new HttpClient(new InMemoryHandler()) { Timeout = Timeout.InfiniteTimeSpan });
        _refit = RestService.For<IRefitHooks>(
            new HttpClient(new InMemoryHandler()) { BaseAddress = new Uri("https://api.example.com"), Timeout = TimeSpan.FromSeconds(10) },
            new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = BenchmarkJson.Default, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("GET path + 2 query")]
    public async Task<string> Get_HandWritten()
    {
        var url = $"https://api.example.com/items/{Uri.EscapeDataString("item 42")}?a={Uri.EscapeDataString("x/y")}&b={Uri.EscapeDataString("z")}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request);
    }

    [Benchmark, BenchmarkCategory("GET path + 2 query")]
    public async Task<string> Get_Generated() =>
        (await GetItem.InvokeAsync(id: "item 42", a: "x/y", b: "z", client: _webhooks)).ResponseData;

    [Benchmark, BenchmarkCategory("GET path + 2 query")]
    public Task<string> Get_Refit() => _refit.GetItem("item 42", "x/y", "z");

    [Benchmark(Baseline = true), BenchmarkCategory("POST 3 fields")]
    public async Task<string> PostSmall_HandWritten()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("text", "Hello world");
            json.WriteNumber("count", 3);
            json.WriteBoolean("ok", true);
            json.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/hooks") { Content = Json(buffer) };
        return await SendAsync(request);
    }

    [Benchmark, BenchmarkCategory("POST 3 fields")]
    public async Task<string> PostSmall_Generated() =>
        (await PostSmall.InvokeAsync(text: "Hello world", count: 3, ok: true, client: _webhooks)).ResponseData;

    [Benchmark, BenchmarkCategory("POST 3 fields")]
    public Task<string> PostSmall_Refit() => _refit.PostSmall(new SmallBody("Hello world", 3, true));

    [Benchmark(Baseline = true), BenchmarkCategory("POST 20 fields nested")]
    public async Task<string> PostLarge_HandWritten()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("f1", "one");
            json.WriteString("f2", "two");
            json.WriteString("f3", "three");
            json.WriteString("f4", "four");
            json.WriteString("f5", "five");
            json.WriteNumber("f6", 1);
            json.WriteNumber("f7", 2);
            json.WriteNumber("f8", 3);
            json.WriteNumber("f9", 4);
            json.WriteNumber("f10", 5);
            json.WriteBoolean("f11", true);
            json.WriteBoolean("f12", false);
            json.WriteStartArray("f13");
            foreach (var tag in Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteString("f14", When.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("user");
            json.WriteString("name", "one");
            json.WriteNumber("id", 1);
            json.WriteBoolean("admin", true);
            json.WriteEndObject();
            json.WriteStartObject("meta");
            json.WriteString("source", "bench");
            json.WriteNumber("level", 2);
            json.WriteString("note", "from two");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/events") { Content = Json(buffer) };
        return await SendAsync(request);
    }

    [Benchmark, BenchmarkCategory("POST 20 fields nested")]
    public async Task<string> PostLarge_Generated() =>
        (await new PostLarge
        {
            S1 = "one", S2 = "two", S3 = "three", S4 = "four", S5 = "five",
            N1 = 1, N2 = 2, N3 = 3, N4 = 4, N5 = 5, B1 = true, B2 = false, Tags = Tags, When = When,
        }.InvokeAsync(_webhooks)).ResponseData;

    [Benchmark, BenchmarkCategory("POST 20 fields nested")]
    public Task<string> PostLarge_Refit() => _refit.PostLarge(new LargeBody(
        "one", "two", "three", "four", "five", 1, 2, 3, 4, 5, true, false, Tags,
        When.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        new LargeUser("one", 1, true), new LargeMeta("bench", 2, "from two")));

    private static ReadOnlyMemoryContent Json(ArrayBufferWriter<byte> buffer)
    {
        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = JsonType;
        return content;
    }

    private async Task<string> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}

/// <summary>Answers 200 with a small fixed body after reading the request body, as a socket handler would send it.</summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private static readonly byte[] Ok = "{\"ok\":true}"u8.ToArray();

    /// <summary>When set (by <see cref="Checks"/>, never while measuring), each request is added as text.</summary>
    internal static List<string>? Captured { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Captured is { } captured)
        {
            captured.Add(await Describe(request));
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Ok), RequestMessage = request };
    }

    private static async Task<string> Describe(HttpRequestMessage request)
    {
        var text = new StringBuilder().Append(request.Method).Append(' ').Append(request.RequestUri!.AbsoluteUri).Append('\n');
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(header.Key).Append(": ").AppendJoin(", ", header.Value).Append('\n');
        }

        if (request.Content is not null)
        {
            text.Append('\n').Append(await request.Content.ReadAsStringAsync());
        }

        return text.ToString();
    }
}

[JsonSerializable(typeof(SmallBody))]
[JsonSerializable(typeof(LargeBody))]
[JsonSerializable(typeof(string))]
internal sealed partial class BenchmarkJson : JsonSerializerContext
{
}
