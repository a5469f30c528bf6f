using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookTasks.Reliability.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 and an ephemeral port that answers with the test's handler and counts
/// the TCP connections it accepts: how many are open now, the most that were open at once, and how many in all.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _open;
    private int _peak;
    private int _accepted;

    private LoopbackServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The origin to point tasks at, such as <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>The port the server listens on.</summary>
    public int Port => Origin.Port;

    /// <summary>Connections open now.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>The most connections that were open at once.</summary>
    public int PeakConnections => Volatile.Read(ref _peak);

    /// <summary>Connections accepted since the server started.</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackServer? server = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                server!.Opened();
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref server._open);
                }
            }));
        });
        var app = builder.Build();
        server = new LoopbackServer(app);
        app.Run(handler);
        using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StartAsync(startup.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Origin = new Uri(address + "/");
        return server;
    }

    private void Opened()
    {
        Interlocked.Increment(ref _accepted);
        var open = Interlocked.Increment(ref _open);
        int peak;
        while (open > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, open, peak) != peak)
        {
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
