using System.Diagnostics;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace WebhookTasks;

/// <summary>The meter's instruments. One set per meter: the process-wide one, or one per <see cref="IMeterFactory"/>.</summary>
internal sealed class WebhookInstruments
{
    private static readonly Meter SharedMeter = new(WebhookTelemetry.SourceName, WebhookTelemetry.Version);

    private readonly Counter<long> _invocations;
    private readonly Histogram<double> _duration;

    private WebhookInstruments(Meter meter)
    {
        _invocations = meter.CreateCounter<long>(WebhookTelemetry.InvocationsInstrument, "{invocation}", "Webhook task invocations, by task and outcome.");
        _duration = meter.CreateHistogram<double>(WebhookTelemetry.DurationInstrument, "s", "How long webhook task invocations took, by task and outcome.");
    }

    /// <summary>The instruments of the process-wide meter, for clients built without an <see cref="IMeterFactory"/>.</summary>
    public static WebhookInstruments Shared { get; } = new(SharedMeter);

    public static WebhookInstruments Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : new(meterFactory.Create(new MeterOptions(WebhookTelemetry.SourceName) { Version = WebhookTelemetry.Version }));

    public void Record(string taskName, string outcome, double seconds)
    {
        // Nothing to build when no listener is attached; TagList keeps the tags off the heap when one is.
        if (!_invocations.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { WebhookTelemetry.TaskTag, taskName },
            { WebhookTelemetry.OutcomeTag, outcome },
        };
        _invocations.Add(1, tags);
        _duration.Record(seconds, tags);
    }
}
