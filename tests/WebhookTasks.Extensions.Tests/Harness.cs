using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookTasks.Extensions.Tests;

/// <summary>A container as an application builds one: configuration from the given keys, logging captured.</summary>
public static class Container
{
    public static IConfigurationRoot Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();

    /// <summary>Services with the configuration and logging registered, before AddWebhookTasks.</summary>
    public static ServiceCollection Services(IConfiguration configuration, LogCapture? logs = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        return services;
    }
}

/// <summary>One log entry: its category, level, event, rendered message and structured values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    public object? Value(string name) => State.Single(pair => pair.Key == name).Value;

    /// <summary>Everything the entry holds, as text, for assertions that something never appears.</summary>
    public string AllText => string.Join("\n", new[] { Category, Message, Exception?.ToString() ?? "" }.Concat(State.Select(pair => pair.Key + "=" + pair.Value)));
}

/// <summary>Collects every log entry of every category.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IReadOnlyList<LogEntry> Of<T>() => Entries.Where(entry => entry.Category == typeof(T).FullName).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            capture._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values.ToArray(), exception));
        }
    }
}

/// <summary>
/// Records the spans of one test: it starts a root span of its own, and keeps only the spans of that trace, so tests
/// running side by side never see each other's.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("WebhookTasks.Extensions.Tests");

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly Activity _root;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is WebhookTelemetry.SourceName or "System.Net.Http" or "WebhookTasks.Extensions.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _root?.TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("test root", ActivityKind.Internal, default(ActivityContext))
            ?? throw new InvalidOperationException("The test's root span was not sampled.");
    }

    /// <summary>The spans of this test's trace that have ended, the root aside.</summary>
    public IReadOnlyList<Activity> Stopped => _stopped.Where(activity => activity != _root).ToArray();

    public IReadOnlyList<Activity> From(string sourceName) => Stopped.Where(activity => activity.Source.Name == sourceName).ToArray();

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }
}

/// <summary>One measurement of an instrument, with its tags.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, Meter Meter)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value as string : null;
}

/// <summary>Records every measurement of the WebhookTasks meters (the process-wide one and those from factories).</summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeasurementRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WebhookTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of one instrument for one task.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, string taskName) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tag(WebhookTelemetry.TaskTag) == taskName).ToArray();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy, instrument.Meter));
    }
}
