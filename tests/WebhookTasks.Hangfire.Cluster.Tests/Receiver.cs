using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookTasks.Hangfire.Worker;

namespace WebhookTasks.Hangfire.Cluster.Tests;

/// <summary>What the receiver answered to one call.</summary>
internal enum Answer
{
    /// <summary>503: the receiver's planned failure, every tenth call.</summary>
    Unavailable,

    /// <summary>200: the first success for this idempotency key.</summary>
    Accepted,

    /// <summary>200 "duplicate": the key had already succeeded; the call is dropped.</summary>
    Duplicate,

    /// <summary>400: no idempotency key, or a body that is not one of this run's calls.</summary>
    Refused,
}

/// <summary>One call the receiver saw, in arrival order (<see cref="Number"/> counts from 1).</summary>
internal sealed record Call(int Number, TimeSpan At, string? Key, int Index, string? Worker, Answer Answer);

/// <summary>
/// The webhook receiver of the cluster test: a Kestrel server on 127.0.0.1 and an ephemeral port that answers 503 to
/// every tenth call (the 10th, 20th, ... it receives, whoever sends it) and otherwise drops duplicates by the
/// <see cref="WebhookJobHeaders.IdempotencyKey"/> header, as a receiver of at-least-once deliveries should: the first
/// success for a key is accepted and recorded, a key that already succeeded gets 200 "duplicate" and is counted.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    /// <summary>One call in this many is answered with 503.</summary>
    public const int FailEvery = 10;

    private readonly WebApplication _app;
    private readonly string _run;
    private readonly Stopwatch _clock;
    private readonly object _gate = new();
    private readonly List<Call> _calls = [];
    private readonly Dictionary<string, Call> _accepted = new(StringComparer.Ordinal);

    private Receiver(WebApplication app, string run, Stopwatch clock)
    {
        _app = app;
        _run = run;
        _clock = clock;
    }

    /// <summary>The origin to give the workers, such as <c>http://127.0.0.1:54321</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>How many keys have succeeded so far.</summary>
    public int AcceptedCount
    {
        get
        {
            lock (_gate)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<Call> Calls()
    {
        lock (_gate)
        {
            return _calls.ToArray();
        }
    }

    /// <summary>Starts a receiver for the calls of run <paramref name="run"/>; times are read from <paramref name="clock"/>.</summary>
    public static async Task<Receiver> StartAsync(string run, Stopwatch clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var receiver = new Receiver(app, run, clock);
        app.Run(receiver.HandleAsync);
        using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StartAsync(startup.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Origin = new Uri(address);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Headers[WebhookJobHeaders.IdempotencyKey].ToString();
        var worker = context.Request.Headers[Program.WorkerHeader].ToString();
        var index = await ReadIndexAsync(context.Request);

        Answer answer;
        lock (_gate)
        {
            var number = _calls.Count + 1;
            if (key.Length == 0 || index < 0)
            {
                answer = Answer.Refused;
            }
            else if (number % FailEvery == 0)
            {
                answer = Answer.Unavailable;
            }
            else if (_accepted.ContainsKey(key))
            {
                answer = Answer.Duplicate;
            }
            else
            {
                answer = Answer.Accepted;
            }

            var call = new Call(number, _clock.Elapsed, key.Length == 0 ? null : key, index, worker.Length == 0 ? null : worker, answer);
            _calls.Add(call);
            if (answer == Answer.Accepted)
            {
                _accepted.Add(key, call);
            }
        }

        (context.Response.StatusCode, var text) = answer switch
        {
            Answer.Unavailable => (StatusCodes.Status503ServiceUnavailable, "unavailable"),
            Answer.Accepted => (StatusCodes.Status200OK, "ok"),
            Answer.Duplicate => (StatusCodes.Status200OK, "duplicate"),
            _ => (StatusCodes.Status400BadRequest, "not a call of this run, or no " + WebhookJobHeaders.IdempotencyKey),
        };
        await context.Response.WriteAsync(text);
    }

    // The job's index, from a body {"index": N, "run": "..."} whose path is /calls/N and whose run is this one; -1 otherwise.
    private async Task<int> ReadIndexAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var index = body.RootElement.GetProperty("index").GetInt32();
            var run = body.RootElement.GetProperty("run").GetString();
            return run == _run && request.Path == "/calls/" + index ? index : -1;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return -1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(shutdown.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
