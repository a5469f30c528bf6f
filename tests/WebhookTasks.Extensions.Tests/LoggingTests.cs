using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using WebhookTasks.Tests;

namespace WebhookTasks.Extensions.Tests;

public sealed class LoggingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SuccessfulInvocationLogsSendingThenSucceededWithTaskMethodStatusAndDuration()
    {
        var logs = new LogCapture();
        await using var receiver = await Receiver.StartAsync(new Reply(201, "made"));
        await using var provider = Provider(logs, ("WebhookTasks:Origin", receiver.Origin.ToString()));

        await new NotifyTask { Id = 1, Text = "hi" }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        var entries = logs.Of<WebhookClient>();
        Assert.Equal([(1, "WebhookSending", LogLevel.Debug), (2, "WebhookSucceeded", LogLevel.Information)],
            entries.Select(entry => (entry.EventId.Id, entry.EventId.Name, entry.Level)));
        Assert.Equal("Sending webhook notify (POST)", entries[0].Message);
        var succeeded = entries[1];
        Assert.Equal("notify", succeeded.Value("WebhookTask"));
        Assert.Equal("POST", succeeded.Value("HttpMethod"));
        Assert.Equal(201, succeeded.Value("StatusCode"));
        Assert.InRange(Assert.IsType<double>(succeeded.Value("ElapsedMilliseconds")), 0, 30_000);
        Assert.StartsWith("Webhook notify (POST) answered 201 in ", succeeded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusOutside2xxLogsFailedAsAWarningWithStatusAndOutcome()
    {
        var logs = new LogCapture();
        await using var receiver = await Receiver.StartAsync(new Reply(500, "boom"));
        await using var provider = Provider(logs, ("WebhookTasks:Origin", receiver.Origin.ToString()));

        await Assert.ThrowsAsync<WebhookFailedException>(() => new NotifyTask().InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation));

        var failed = logs.Of<WebhookClient>().Last();
        Assert.Equal((3, "WebhookFailed", LogLevel.Warning), (failed.EventId.Id, failed.EventId.Name, failed.Level));
        Assert.Equal("notify", failed.Value("WebhookTask"));
        Assert.Equal(500, failed.Value("StatusCode"));
        Assert.Equal(WebhookOutcome.HttpError, failed.Value("Outcome"));
        Assert.Null(failed.Exception);
    }

    [Fact]
    public async Task MissingSecretLogsFailedWithOutcomeNotSent()
    {
        var logs = new LogCapture();
        await using var provider = Provider(logs);

        await Assert.ThrowsAsync<WebhookSecretNotFoundException>(() => new HookTask().InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation));

        var failed = logs.Of<WebhookClient>().Last();
        Assert.Equal(3, failed.EventId.Id);
        Assert.Equal(WebhookOutcome.NotSent, failed.Value("Outcome"));
        Assert.Equal(typeof(WebhookSecretNotFoundException).FullName, failed.Value("ErrorType"));
    }

    [Fact]
    public async Task CallerCancellationLogsFailedAtInformationWithOutcomeCancelled()
    {
        var logs = new LogCapture();
        await using var receiver = await Receiver.StartAsync(new Reply(200) { Delay = TimeSpan.FromSeconds(20) });
        await using var provider = Provider(logs, ("WebhookTasks:Origin", receiver.Origin.ToString()));
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new NotifyTask().InvokeAsync(provider.GetRequiredService<WebhookClient>(), caller.Token));

        var failed = logs.Of<WebhookClient>().Last();
        Assert.Equal((3, LogLevel.Information), (failed.EventId.Id, failed.Level));
        Assert.Equal(WebhookOutcome.Cancelled, failed.Value("Outcome"));
    }

    [Fact]
    public async Task NoLogOfAnyCategoryCarriesASecretOrAQueryValue()
    {
        var logs = new LogCapture();
        await using var receiver = await Receiver.StartAsync(new Reply(404, "no"));
        var hookUrl = new Uri(receiver.Origin, "/services/T1/B2/path-secret?sig=query-secret").ToString();
        await using var provider = Provider(logs, ("WebhookTasks:Secrets:hook_url", hookUrl), ("WebhookTasks:Tasks:lookup:Origin", receiver.Origin.ToString()));
        var client = provider.GetRequiredService<WebhookClient>();

        await Assert.ThrowsAsync<WebhookFailedException>(() => new HookTask { Text = "body-text" }.InvokeAsync(client, Cancellation));
        await Assert.ThrowsAsync<WebhookFailedException>(() => new LookupTask { Q = "query-value" }.InvokeAsync(client, Cancellation));

        Assert.Equal(2, receiver.Requests.Count);
        Assert.NotEmpty(logs.Entries);
        string[] neverLogged = ["path-secret", "query-secret", "query-value", "body-text", "127.0.0.1", "/services/", "/lookup"];
        Assert.All(logs.Entries, entry => Assert.All(neverLogged, text => Assert.DoesNotContain(text, entry.AllText, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ClientBuiltByHandWithALoggerLogsTheSameEvents()
    {
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var receiver = await Receiver.StartAsync();
        using var httpClient = WebhookClient.CreateDefaultHttpClient();
        var client = new WebhookClient(httpClient, new WebhookClientOptions { Origin = receiver.Origin }, factory.CreateLogger<WebhookClient>());

        await new NotifyTask().InvokeAsync(client, Cancellation);

        Assert.Equal([1, 2], logs.Of<WebhookClient>().Select(entry => entry.EventId.Id));
    }

    private static ServiceProvider Provider(LogCapture logs, params (string Key, string? Value)[] configuration)
    {
        var services = Container.Services(Container.Configuration(configuration), logs);
        services.AddWebhookTasks();
        return services.BuildServiceProvider();
    }
}
