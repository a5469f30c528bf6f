using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using WebhookTasks.Hangfire;

namespace WebhookTasks.Hangfire.Sample;

/// <summary>What the embedded receiver got: method, request target as sent, body and the idempotency key header.</summary>
internal sealed record ReceivedRequest(string Method, string Target, string Body, string? IdempotencyKey);

/// <summary>
/// A local webhook receiver on 127.0.0.1 and an ephemeral port that answers every request with 200 and
/// <c>Hello</c> (as the main sample's does) and records each call with its <c>Idempotency-Key</c>, so the
/// sample needs no setup and nothing leaves the machine.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private Receiver(WebApplication app)
    {
        _app = app;
    }

    public Uri Origin { get; private set; } = null!;

    /// <summary>The calls that carried <paramref name="idempotencyKey"/>, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsWithKey(string idempotencyKey) =>
        _requests.Where(request => request.IdempotencyKey == idempotencyKey).ToArray();

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Origin = ListeningAddress(app);
        return receiver;
    }

    /// <summary>The address Kestrel bound, once started on port 0.</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(address);
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
        var key = context.Request.Headers.TryGetValue(WebhookJobHeaders.IdempotencyKey, out var values) ? values.ToString() : null;
        _requests.Enqueue(new ReceivedRequest(context.Request.Method, target, body, key));
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Hello");
    }
}
