using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
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
using Xunit;

namespace WebhookTasks.Tests;

/// <summary>One request exactly as the receiver saw it.</summary>
public sealed record ReceivedRequest(string Method, string RawTarget, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The path as ASP.NET Core decodes it (<c>HttpRequest.Path</c>); Kestrel leaves <c>%2F</c> as it came.</summary>
    public string DecodedPath { get; init; } = "";

    /// <summary>The query parameters as ASP.NET Core decodes them (<c>HttpRequest.Query</c>), first value of each.</summary>
    public IReadOnlyDictionary<string, string> DecodedQuery { get; init; } = new Dictionary<string, string>();

    /// <summary>The request target's path, before any <c>?</c>, still percent-encoded.</summary>
    public string RawPath => RawTarget.Split('?', 2)[0];

    /// <summary>The request target's query, after the <c>?</c>, still percent-encoded; empty when there is none.</summary>
    public string RawQuery => RawTarget.Split('?', 2) is { Length: 2 } parts ? parts[1] : "";

    /// <summary>The values of a header, in the order they came.</summary>
    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    /// <summary>The single value of a header, or null when it was not sent.</summary>
    public string? Header(string name) => HeaderValues(name) switch
    {
        { Count: 0 } => null,
        { Count: 1 } values => values[0],
        var values => throw new InvalidOperationException($"Header {name} was sent {values.Count} times."),
    };
}

/// <summary>How the receiver answers one request.</summary>
public sealed record Reply(int Status = 200, string Body = "")
{
    /// <summary>How long to wait before answering (the wait ends early when the client goes away).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Whether the response declares its length (else it is sent chunked).</summary>
    public bool SendContentLength { get; init; } = true;

    /// <summary>Extra response headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

/// <summary>
/// A Kestrel server on 127.0.0.1 and an ephemeral port that records every request byte for byte
/// (method, raw request target, headers, body) and answers as the test says. One per test.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Func<ReceivedRequest, Reply> _respond;
    private readonly List<HttpClient> _httpClients = new();

    private Receiver(WebApplication app, Func<ReceivedRequest, Reply> respond)
    {
        _app = app;
        _respond = respond;
    }

    /// <summary>The origin to point tasks at, such as <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>The requests received so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>The one request received; fails when there were none or several.</summary>
    public ReceivedRequest Single() => Assert.Single(Requests);

    public static Task<Receiver> StartAsync(Reply reply) => StartAsync(_ => reply);

    public static Task<Receiver> StartAsync() => StartAsync(new Reply(200, "ok"));

    public static async Task<Receiver> StartAsync(Func<ReceivedRequest, Reply> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
        });
        var app = builder.Build();
        var receiver = new Receiver(app, respond);
        app.Run(receiver.HandleAsync);
        using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StartAsync(startup.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Origin = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return receiver;
    }

    /// <summary>A client that points every task at this receiver.</summary>
    public WebhookClient Client(long? maxResponseBytes = null, IWebhookSecretProvider? secrets = null, System.Text.Json.JsonSerializerOptions? json = null)
    {
        var httpClient = WebhookClient.CreateDefaultHttpClient();
        lock (_httpClients)
        {
            _httpClients.Add(httpClient);
        }

        var options = new WebhookClientOptions
        {
            Origin = Origin,
            MaxResponseBytes = maxResponseBytes ?? WebhookClientOptions.DefaultMaxResponseBytes,
            SecretProvider = secrets ?? new DictionarySecretProvider(new Dictionary<string, string>()),
        };
        if (json is not null)
        {
            options = new WebhookClientOptions
            {
                Origin = options.Origin,
                MaxResponseBytes = options.MaxResponseBytes,
                SecretProvider = options.SecretProvider,
                JsonSerializerOptions = json,
            };
        }

        return new WebhookClient(httpClient, options);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, value ?? ""));
            }
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var received = new ReceivedRequest(request.Method, rawTarget, headers, body.ToArray())
        {
            DecodedPath = request.Path.Value ?? "",
            DecodedQuery = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
        };
        _requests.Enqueue(received);

        var reply = _respond(received);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var response = context.Response;
        response.StatusCode = reply.Status;
        foreach (var header in reply.Headers)
        {
            response.Headers.Append(header.Key, header.Value);
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        if (reply.SendContentLength)
        {
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else
        {
            // No Content-Length: HTTP/1.1 sends the body chunked, in pieces.
            for (var offset = 0; offset < bytes.Length; offset += 64)
            {
                await response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(64, bytes.Length - offset)), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_httpClients)
        {
            foreach (var client in _httpClients)
            {
                client.Dispose();
            }
        }

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
