using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;
using WebhookTasks.Tests;

namespace WebhookTasks.Extensions.Tests;

/// <summary>The OpenTelemetry SDK subscribes by the names WebhookTelemetry documents, with nothing else to set up.</summary>
public sealed class OpenTelemetryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TracerProviderWithAddSourceWebhookTasksExportsTheInvocationSpan()
    {
        var exported = new List<Activity>();
        using var spans = new SpanRecorder();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("WebhookTasks").AddInMemoryExporter(exported).Build())
        {
            await using var receiver = await Receiver.StartAsync();
            await new NotifyTask { Id = 2 }.InvokeAsync(receiver.Client(), Cancellation);
        }

        var ours = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        var span = Assert.Single(exported, activity => activity.SpanId == ours.SpanId);
        Assert.Equal("webhook notify", span.DisplayName);
        Assert.Equal(WebhookOutcome.Success, span.GetTagItem("webhook.outcome"));
    }

    [Fact]
    public async Task MeterProviderWithAddMeterWebhookTasksExportsTheInvocationCounter()
    {
        var exported = new List<Metric>();
        using (var metrics = Sdk.CreateMeterProviderBuilder().AddMeter("WebhookTasks").AddInMemoryExporter(exported).Build())
        {
            await using var receiver = await Receiver.StartAsync();
            await new NotifyTask { Id = 3 }.InvokeAsync(receiver.Client(), Cancellation);
            metrics.ForceFlush();
        }

        // Other tests' containers make WebhookTasks meters of their own; the provider exports theirs too.
        var counters = exported.Where(metric => metric.Name == "webhook.invocations").ToArray();
        Assert.NotEmpty(counters);
        Assert.All(counters, counter => Assert.Equal("{invocation}", counter.Unit));
        var points = new List<(string? Task, string? Outcome, long Count)>();
        foreach (var counter in counters)
        {
            foreach (ref readonly var point in counter.GetMetricPoints())
            {
                string? task = null, outcome = null;
                foreach (var tag in point.Tags)
                {
                    task = tag.Key == "webhook.task" ? tag.Value as string : task;
                    outcome = tag.Key == "webhook.outcome" ? tag.Value as string : outcome;
                }

                points.Add((task, outcome, point.GetSumLong()));
            }
        }

        Assert.Contains(points, point => point.Task == "notify" && point.Outcome == WebhookOutcome.Success && point.Count >= 1);
        Assert.Contains(exported, metric => metric.Name == "webhook.duration" && metric.Unit == "s");
    }
}
