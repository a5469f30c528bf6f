using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using WebhookTasks.Tests;

namespace WebhookTasks.Extensions.Tests;

public sealed class MetricsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvocationCounterCountsEachInvocationByTaskAndOutcome()
    {
        using var measurements = new MeasurementRecorder();
        var calls = 0;
        await using var receiver = await Receiver.StartAsync(_ => Interlocked.Increment(ref calls) == 2 ? new Reply(500) : new Reply(200));
        var client = receiver.Client();

        await new CountedTask().InvokeAsync(client, Cancellation);
        await Assert.ThrowsAsync<WebhookFailedException>(() => new CountedTask().InvokeAsync(client, Cancellation));
        await new CountedTask().InvokeAsync(client, Cancellation);

        var counts = measurements.Of(WebhookTelemetry.InvocationsInstrument, "metrics-counted");
        Assert.Equal(
            [(WebhookOutcome.Success, 1d), (WebhookOutcome.HttpError, 1d), (WebhookOutcome.Success, 1d)],
            counts.Select(m => (m.Tag(WebhookTelemetry.OutcomeTag), m.Value)));
        Assert.All(counts, m => Assert.Equal(["webhook.outcome", "webhook.task"], m.Tags.Keys.Order()));
    }

    [Fact]
    public async Task DurationHistogramRecordsSecondsByTaskAndOutcome()
    {
        using var measurements = new MeasurementRecorder();
        await using var receiver = await Receiver.StartAsync(new Reply(200) { Delay = TimeSpan.FromMilliseconds(300) });

        await new TimedTask().InvokeAsync(receiver.Client(), Cancellation);

        var duration = Assert.Single(measurements.Of(WebhookTelemetry.DurationInstrument, "metrics-timed"));
        Assert.InRange(duration.Value, 0.25, 10);
        Assert.Equal(WebhookOutcome.Success, duration.Tag(WebhookTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task TaskTimeoutIsCountedWithOutcomeTimeout()
    {
        using var measurements = new MeasurementRecorder();
        await using var receiver = await Receiver.StartAsync(new Reply(200) { Delay = TimeSpan.FromSeconds(20) });

        await Assert.ThrowsAsync<TimeoutException>(() => new TimeoutCountedTask().InvokeAsync(receiver.Client(), Cancellation));

        var count = Assert.Single(measurements.Of(WebhookTelemetry.InvocationsInstrument, "metrics-timeout"));
        Assert.Equal(WebhookOutcome.Timeout, count.Tag(WebhookTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task CallerCancellationIsCountedWithOutcomeCancelled()
    {
        using var measurements = new MeasurementRecorder();
        await using var receiver = await Receiver.StartAsync(new Reply(200) { Delay = TimeSpan.FromSeconds(20) });
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CancelledCountedTask().InvokeAsync(receiver.Client(), caller.Token));

        var count = Assert.Single(measurements.Of(WebhookTelemetry.InvocationsInstrument, "metrics-cancelled"));
        Assert.Equal(WebhookOutcome.Cancelled, count.Tag(WebhookTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task ResolvedClientRecordsOnTheWebhookTasksMeterOfTheContainersMeterFactory()
    {
        using var measurements = new MeasurementRecorder();
        await using var receiver = await Receiver.StartAsync();
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks();
        await using var provider = services.BuildServiceProvider();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();

        await new NotifyTask().InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        var count = Assert.Single(measurements.Of(WebhookTelemetry.InvocationsInstrument, "notify"), m => m.Meter.Scope == meterFactory);
        Assert.Equal("WebhookTasks", count.Meter.Name);
        Assert.Equal(1, count.Value);
    }
}
