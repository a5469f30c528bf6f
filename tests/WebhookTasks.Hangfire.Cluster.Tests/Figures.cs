using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Hangfire.States;
using Hangfire.Storage.Monitoring;

namespace WebhookTasks.Hangfire.Cluster.Tests;

/// <summary>The figures of one cluster run: what the test reports through its output and to a file.</summary>
internal sealed class Figures(string run, string schema)
{
    public TimeSpan WorkersReadyAt { get; set; }

    public TimeSpan EnqueuedIn { get; set; }

    public TimeSpan KilledAt { get; set; }

    public DateTime KilledAtUtc { get; set; }

    public int AcceptedAtKill { get; set; }

    /// <summary>Distributed locks taken before the kill and still held 2 s after it.</summary>
    public IReadOnlyList<string> LocksLeftByVictim { get; set; } = [];

    public long ProcessingAtKill { get; set; }

    public TimeSpan AllSucceededAt { get; set; }

    /// <summary>From the first enqueue to the moment storage showed every job Succeeded.</summary>
    public TimeSpan WallTime { get; set; }

    private readonly List<(string Name, string Value)> _rows = [];
    private string _redelivered = "(not counted)";
    private int _retriesScheduled;

    /// <summary>
    /// Counts the retries the filter scheduled, and the jobs whose history shows a Processing state on the killed worker followed directly by another
    /// Processing state: fetched again by the survivor once the invisibility timeout had passed.
    /// </summary>
    public void Redelivered(IReadOnlyList<IList<StateHistoryDto>> histories, string victim)
    {
        var waits = new List<TimeSpan>();
        foreach (var history in histories)
        {
            // Hangfire lists a job's states newest first.
            var states = history.Reverse().ToArray();
            _retriesScheduled += states.Count(state => state.StateName == ScheduledState.StateName);
            for (var i = 0; i + 1 < states.Length; i++)
            {
                if (states[i].StateName == ProcessingState.StateName && states[i + 1].StateName == ProcessingState.StateName &&
                    states[i].Data is { } data && data.TryGetValue("ServerId", out var server) &&
                    server.StartsWith(victim + ":", StringComparison.OrdinalIgnoreCase))
                {
                    waits.Add(states[i + 1].CreatedAt - KilledAtUtc);
                }
            }
        }

        _redelivered = waits.Count.ToString(CultureInfo.InvariantCulture) +
            (waits.Count == 0 ? "" : $" (picked up {Seconds(waits.Min())} to {Seconds(waits.Max())} after the kill)");
    }

    /// <summary>Counts the receiver's calls.</summary>
    public void Tally(IReadOnlyList<Call> calls, string victim, string survivor)
    {
        var accepted = calls.Where(call => call.Answer == Answer.Accepted).ToArray();
        var duplicates = calls.Where(call => call.Answer == Answer.Duplicate).ToArray();
        var unavailable = calls.Count(call => call.Answer == Answer.Unavailable);
        var lastAccepted = accepted.Length == 0 ? TimeSpan.Zero : accepted.Max(call => call.At);
        var moved = calls.GroupBy(call => call.Key).Count(g => g.Any(c => c.Worker == victim) && g.Any(c => c.Worker == survivor));
        var acceptedBy = accepted.Where(call => call.Key is not null).ToDictionary(call => call.Key!, call => call.Worker, StringComparer.Ordinal);
        var duplicatesOfVictim = duplicates.Count(call => call.Key is not null && acceptedBy.GetValueOrDefault(call.Key) == victim);

        Row("run / schema", $"{run} / {schema}");
        Row("jobs", accepted.Length.ToString(CultureInfo.InvariantCulture) + " accepted keys");
        Row("workers ready after", Seconds(WorkersReadyAt));
        Row("wall time (first enqueue to all Succeeded)", Seconds(WallTime));
        Row("enqueueing 500 jobs took", Seconds(EnqueuedIn));
        var beforeKill = KilledAt - (AllSucceededAt - WallTime);
        Row("throughput until the kill", (AcceptedAtKill / Math.Max(beforeKill.TotalSeconds, 0.001)).ToString("0.0", CultureInfo.InvariantCulture) + " jobs/s (2 processes x 10 workers)");
        Row("calls received", calls.Count.ToString(CultureInfo.InvariantCulture));
        Row("503 answers", unavailable.ToString(CultureInfo.InvariantCulture));
        Row("calls beyond one per job (retries, re-runs)", (calls.Count - accepted.Length).ToString(CultureInfo.InvariantCulture));
        Row("retries scheduled (Scheduled states)", _retriesScheduled.ToString(CultureInfo.InvariantCulture));
        Row("duplicates dropped (key already accepted)", duplicates.Length.ToString(CultureInfo.InvariantCulture) +
            (duplicates.Length == 0 ? "" : " (jobs " + string.Join(", ", duplicates.Select(c => c.Index).Distinct().Take(20)) + ")"));
        Row("  of them first accepted from the killed worker", duplicatesOfVictim.ToString(CultureInfo.InvariantCulture));
        Row("killed worker at", $"{Seconds(KilledAt)} ({AcceptedAtKill} keys accepted, {ProcessingAtKill} jobs Processing)");
        Row("jobs in flight on the killed worker, run again", _redelivered);
        Row("locks the killed worker left held", LocksLeftByVictim.Count == 0 ? "0" : $"{LocksLeftByVictim.Count} ({string.Join(", ", LocksLeftByVictim)})");
        Row("last job accepted", $"{Seconds(lastAccepted)} ({Seconds(lastAccepted - KilledAt)} after the kill)");
        Row("all Succeeded in storage at", Seconds(AllSucceededAt));
        foreach (var worker in calls.GroupBy(call => call.Worker ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row($"{worker.Key}: jobs accepted / calls", $"{worker.Count(c => c.Answer == Answer.Accepted)} / {worker.Count()}");
        }

        Row("jobs with calls from both workers", moved.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the figures to the test output and to the given files.</summary>
    public void Report(ITestOutputHelper? output, params string[] files)
    {
        var width = _rows.Max(row => row.Name.Length);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Hangfire cluster test, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, {Environment.ProcessorCount} cores");
        foreach (var (name, value) in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}  {value}");
        }

        output?.WriteLine(text.ToString());
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text.ToString());
        }
    }

    private void Row(string name, string value) => _rows.Add((name, value));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
