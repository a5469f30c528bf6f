using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace WebhookTasks.Sample;

/// <summary>
/// What the embedded receiver got: the method, the request target as sent, the body, and the
/// <c>Idempotency-Key</c> header that WebhookTasks.Hangfire's jobs send (the Hangfire sample links this file).
/// </summary>
internal sealed record ReceivedRequest(string Method, string Target, string Body, string? IdempotencyKey);

/// <summary>
/// A local webhook receiver on 127.0.0.1 and an ephemeral port, answering every request with
/// 200 and <c>Hello</c>, so the sample runs with no setup and nothing leaves the machine.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Receiver(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The calls that carried <paramref name="idempotencyKey"/>, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsWithKey(string idempotencyKey)
    {
        var found = new List<ReceivedRequest>();
        foreach (var request in Requests)
        {
            if (request.IdempotencyKey == idempotencyKey)
            {
                found.Add(request);
            }
        }

        return found;
    }

    public Uri Origin { get; private set; } = null!;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Origin = new Uri(app.Urls is { Count: > 0 } urls ? Single(urls) : throw new InvalidOperationException("Kestrel reported no address."));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var key = context.Request.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        Requests.Enqueue(new ReceivedRequest(context.Request.Method, target, body, key));
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Hello");
    }

    private static string Single(ICollection<string> urls)
    {
        foreach (var url in urls)
        {
            return url;
        }

        throw new InvalidOperationException("Kestrel reported no address.");
    }
}
