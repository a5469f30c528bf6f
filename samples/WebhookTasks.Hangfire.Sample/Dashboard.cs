using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookTasks.Hangfire.Sample;

/// <summary>The Hangfire dashboard over the sample's storage, on 127.0.0.1 and an ephemeral port, until Ctrl+C.</summary>
internal static class Dashboard
{
    public const string Path = "/hangfire";

    public static async Task ServeAsync(JobStorage storage, CancellationToken stop)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // The dashboard's services; the storage and configuration are the ones the sample set up.
        builder.Services.AddHangfire(_ => { });
        await using var app = builder.Build();
        // Only local requests are let in (Hangfire's default authorization), and Kestrel listens on loopback only.
        app.UseHangfireDashboard(Path, new DashboardOptions { DashboardTitle = "WebhookTasks sample" }, storage);
        await app.StartAsync(CancellationToken.None);

        var address = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
        Console.WriteLine($"# dashboard: {address}{Path} (Ctrl+C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
    }
}
