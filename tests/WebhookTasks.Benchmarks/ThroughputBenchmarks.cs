using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WebhookTasks.Benchmarks;

/// <summary>
/// Requests per second against Kestrel on loopback with 32 concurrent callers: the generated task
/// against the same request sent with raw HttpClient, in the same run. Time per operation is one request.
/// </summary>
public class ThroughputBenchmarks
{
    private const int Callers = 32;
    private const int RequestsPerInvoke = 2048;

    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private WebhookClient _webhooks = null!;
    private string _url = "";

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(context => context.Response.WriteAsync("ok"));
        await _server.StartAsync();
        var origin = new Uri(_server.Urls.First());
        _url = new Uri(origin, "/items/item%2042?a=x%2Fy&b=z").ToString();
        _http = WebhookClient.CreateDefaultHttpClient();
        _webhooks = new WebhookClient(_http, new WebhookClientOptions { Origin = origin });
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _http.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RequestsPerInvoke)]
    public Task RawHttpClient() => RunAsync(async () =>
    {
        using var response = await _http.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync();
    });

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task GeneratedTask() => RunAsync(() => GetItem.InvokeAsync(id: "item 42", a: "x/y", b: "z", client: _webhooks));

    private static Task RunAsync(Func<Task> call)
    {
        var remaining = RequestsPerInvoke;
        return Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await call();
            }
        }));
    }
}
