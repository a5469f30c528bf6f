using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Reliability.Tests;

/// <summary>Runs alone: it counts process-wide things (unobserved task exceptions, memory, sockets).</summary>
[CollectionDefinition(nameof(LoadCollection), DisableParallelization = true)]
public sealed class LoadCollection;

/// <summary>
/// 10,000 invocations, 32 at a time, of one shared <see cref="WebhookClient"/> against a loopback Kestrel server
/// that mixes 2xx, 5xx, slow answers past the timeout, dropped and reset connections, truncated bodies and bodies
/// over the cap. Every call must end, in success or its documented exception.
/// </summary>
[Collection(nameof(LoadCollection))]
public sealed class LoadTests
{
    private static readonly int Calls = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_LOAD_CALLS"), out var calls) ? calls : 10_000;
    private const int WarmUpCalls = 1_000;
    private const int Concurrency = 32;

    /// <summary>A call that has not ended by then has hung: the test fails rather than waits.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Ten_thousand_calls_under_faults_all_end_in_success_or_their_documented_exception()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            await using var server = await LoopbackServer.StartAsync(FaultServer.HandleAsync);
            using var httpClient = WebhookClient.CreateDefaultHttpClient();
            var client = new WebhookClient(httpClient, new WebhookClientOptions
            {
                Origin = server.Origin,
                MaxResponseBytes = FaultServer.MaxResponseBytes,
            });

            var schedule = FaultServer.Schedule();
            var outcomes = new Outcome[Calls];
            // The calls run in phases of a thousand; between phases nothing is in flight and the live heap is measured.
            var memory = new List<long>();
            var clock = Stopwatch.StartNew();
            var measuring = TimeSpan.Zero;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(Deadline);
            for (var from = 0; from < Calls; from += WarmUpCalls)
            {
                await RunAsync(client, schedule, outcomes, from, Math.Min(Calls, from + WarmUpCalls)).WaitAsync(deadline.Token);
                var measured = Stopwatch.GetTimestamp();
                memory.Add(GC.GetTotalMemory(forceFullCollection: true));
                measuring += Stopwatch.GetElapsedTime(measured);
            }

            var runTime = clock.Elapsed - measuring;
            var memoryAfterWarmUp = memory[0];
            var memoryAtEnd = memory[^1];
            var openAtEnd = server.OpenConnections;
            var sockets = LoopbackSockets.Count(server.Port);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var report = Report(outcomes, server, openAtEnd, sockets, memory, runTime);
            TestContext.Current.TestOutputHelper?.WriteLine(report);
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "reliability-load.txt"), report);

            // Every call ended, and each in what its fault documents.
            Assert.All(outcomes, outcome =>
                Assert.True(outcome.IsExpected, $"call {outcome.Call} ({outcome.Fault}) ended in {outcome.Kind}: {outcome.Message}"));
            Assert.Empty(unobserved);

            // Connections stay bounded by the callers: each caller holds at most one at a time. A connection the client
            // has given up on may still be closing on the server when its caller opens the next, so allow one such per caller.
            Assert.InRange(server.PeakConnections, 1, 2 * Concurrency);
            Assert.InRange(openAtEnd, 0, Concurrency);
            Assert.InRange(sockets.ServerSide, 0, Concurrency);
            Assert.InRange(sockets.ClientSide, 0, Concurrency);

            // Memory is stable: after 9,000 more calls the live heap has not grown by more than 8 MiB, and over the second
            // half (pools filled by then) by less than 1 MiB, about 200 bytes a call: a leak of anything per call shows.
            Assert.True(memoryAtEnd - memoryAfterWarmUp < 8 * 1024 * 1024, $"the heap grew from {memoryAfterWarmUp:N0} to {memoryAtEnd:N0} bytes");
            var halfway = memory[memory.Count / 2 - 1];
            Assert.True(
                memoryAtEnd - halfway < 1024 * 1024,
                $"the heap grew from {halfway:N0} to {memoryAtEnd:N0} bytes over the second half of the calls");
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }
    }

    private static async Task RunAsync(WebhookClient client, Fault[] schedule, Outcome[] outcomes, int from, int to)
    {
        var next = from - 1;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int call;
            while ((call = Interlocked.Increment(ref next)) < to)
            {
                var fault = schedule[call % schedule.Length];
                outcomes[call] = await CallAsync(client, call, fault);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task<Outcome> CallAsync(WebhookClient client, int call, Fault fault)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await LoadTask.InvokeAsync(fault.ToString(), call, client);
            var expected = Expected(fault, result.StatusCode, null);
            var kind = string.Intern("success " + result.StatusCode.ToString(CultureInfo.InvariantCulture));
            return new Outcome(call, fault, kind, expected ? null : result.ResponseData, Stopwatch.GetElapsedTime(started), expected);
        }
        catch (Exception exception)
        {
            // Only what the report needs is kept, and nothing per call that would grow the heap being measured:
            // the kind is interned, the message kept only for a call that ended wrongly.
            var expected = Expected(fault, null, exception);
            var kind = string.Intern(Describe(exception));
            return new Outcome(call, fault, kind, expected ? null : exception.ToString(), Stopwatch.GetElapsedTime(started), expected);
        }
    }

    /// <summary>Whether a call ended the way its fault documents.</summary>
    private static bool Expected(Fault fault, int? status, Exception? exception) => fault switch
    {
        Fault.Ok => status == 200,
        Fault.Created => status == 201,
        Fault.NoContent => status == 204,
        Fault.ServerError => exception is WebhookFailedException { StatusCode: 500, TaskName: "load" },
        Fault.Unavailable => exception is WebhookFailedException { StatusCode: 503, TaskName: "load" },
        Fault.Slow => exception is TimeoutException,
        Fault.TooLargeDeclared or Fault.TooLargeStreamed =>
            exception is WebhookResponseTooLargeException { MaxResponseBytes: FaultServer.MaxResponseBytes },
        Fault.Drop or Fault.ResetMidBody or Fault.Truncated => exception is HttpRequestException or IOException,
        _ => false,
    };

    /// <summary>The exception's type and its inner exceptions' types, such as <c>HttpRequestException(IOException(SocketException))</c>.</summary>
    private static string Describe(Exception exception) =>
        exception.GetType().Name + (exception.InnerException is { } inner ? "(" + Describe(inner) + ")" : "");

    private static string Report(
        Outcome[] outcomes, LoopbackServer server, int openAtEnd, Sockets sockets, IReadOnlyList<long> memory, TimeSpan runTime)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"calls: {outcomes.Length:N0}, {Concurrency} at a time, one WebhookClient; "
            + $"task timeout 1 s; response cap {FaultServer.MaxResponseBytes:N0} bytes");
        text.AppendLine(CultureInfo.InvariantCulture, $"run time: {runTime.TotalSeconds:0.0} s (without the heap measurements between phases)");
        text.AppendLine("outcomes by fault (what surfaced: count):");
        foreach (var group in outcomes.GroupBy(o => o.Fault).OrderBy(g => g.Key))
        {
            var kinds = string.Join(", ", group.GroupBy(o => o.Kind).OrderByDescending(k => k.Count()).Select(k => $"{k.Key}: {k.Count():N0}"));
            var slowest = group.Max(o => o.Duration).TotalMilliseconds;
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key} ({group.Count():N0} calls, slowest {slowest:N0} ms): {kinds}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"unexpected outcomes: {outcomes.Count(o => !o.IsExpected)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"connections accepted by the server: {server.AcceptedConnections:N0}; "
            + $"peak open at once: {server.PeakConnections}; open at the end: {openAtEnd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"/proc/net/tcp and tcp6 at the end: {sockets.ServerSide} established on the server's side, "
            + $"{sockets.ClientSide} on the client's, {sockets.TimeWait} in TIME_WAIT");
        text.AppendLine(CultureInfo.InvariantCulture, $"managed heap (GC.GetTotalMemory(true)): "
            + $"{memory[0]:N0} bytes after the first {WarmUpCalls:N0} calls, "
            + $"{memory[^1]:N0} bytes after {outcomes.Length:N0} ({memory[^1] - memory[0]:+#,0;-#,0;0} bytes)");
        var kibibytes = memory.Select(m => (m / 1024).ToString("N0", CultureInfo.InvariantCulture));
        text.AppendLine(CultureInfo.InvariantCulture, $"  after each {WarmUpCalls:N0} calls, KiB: {string.Join(", ", kibibytes)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores ({LoopbackSockets.CpuModel()}), "
            + $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        return text.ToString();
    }

    private readonly record struct Outcome(int Call, Fault Fault, string Kind, string? Message, TimeSpan Duration, bool IsExpected);
}

/// <summary>Established and closing sockets of one loopback port.</summary>
internal readonly record struct Sockets(int ServerSide, int ClientSide, int TimeWait);

/// <summary>Counts loopback TCP sockets from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> (Linux only; zeros elsewhere).</summary>
internal static class LoopbackSockets
{
    /// <summary>
    /// Sockets of connections to a port: established on the server's side (local port), established on the
    /// client's side (remote port; .NET's client sockets are dual-mode, so they show in tcp6), and in TIME_WAIT.
    /// </summary>
    public static Sockets Count(int port)
    {
        var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        int server = 0, client = 0, timeWait = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length < 4)
                {
                    continue;
                }

                var local = columns[1].EndsWith(suffix, StringComparison.Ordinal);
                var remote = columns[2].EndsWith(suffix, StringComparison.Ordinal);
                switch (columns[3])
                {
                    case "01" when local:
                        server++;
                        break;
                    case "01" when remote:
                        client++;
                        break;
                    case "06" when local || remote:
                        timeWait++;
                        break;
                }
            }
        }

        return new Sockets(server, client, timeWait);
    }

    public static string CpuModel()
    {
        const string info = "/proc/cpuinfo";
        return File.Exists(info)
            ? File.ReadLines(info).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
    }
}
