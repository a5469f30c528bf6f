using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Npgsql;
using WebhookTasks.Hangfire.Worker;

namespace WebhookTasks.Hangfire.Cluster.Tests;

/// <summary>
/// Two worker processes share one PostgreSQL database; the test enqueues 500 webhook jobs against a loopback
/// receiver that fails one call in ten with 503 and drops duplicates by idempotency key; when about half have
/// succeeded one worker is killed outright. Every job must end Succeeded and the receiver must have accepted each
/// job's one key exactly once, with every 503'd key retried under the same key.
/// </summary>
public sealed class ClusterTests
{
    /// <summary>The variable that holds the Npgsql connection string (.ci/postgres.sh start prints it).</summary>
    public const string ConnectionVariable = "WEBHOOKTASKS_TEST_POSTGRES";

    private const int Jobs = 500;
    private const int WorkersPerProcess = 10;

    /// <summary>
    /// Jobs the killed worker had fetched come back one invisibility timeout after its last heartbeat. Sliding, so
    /// short is safe while a worker lives; it is the longest a crashed worker's jobs wait before another worker runs them.
    /// </summary>
    private static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Everything, from the first worker's start to the last check, ends by then or the test fails.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 300_000)]
    public async Task Every_job_succeeds_and_each_key_is_accepted_once_when_one_of_two_workers_is_killed_halfway()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var reason = $"{ConnectionVariable} is not set: this test needs a PostgreSQL database. Start a private one with " +
                $"`export \"$(.ci/postgres.sh start)\"` (and `.ci/postgres.sh stop` afterwards).";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0")
            {
                Assert.Fail("CI is set, so this test may not be skipped: " + reason);
            }

            Assert.Skip(reason);
        }

        var output = TestContext.Current.TestOutputHelper;
        var cancellation = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var run = DateTime.UtcNow.ToString("yyyyMMdd'_'HHmmss", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        var schema = "cluster_" + run;
        var reportDirectory = ReportDirectory();
        var figures = new Figures(run, schema);

        // The test's own storage creates the fresh schema; the workers find it ready.
        GlobalConfiguration.Configuration.UseClusterSerialization();
        var storage = ClusterHangfire.CreateStorage(connectionString, ClusterHangfire.StorageOptions(schema, InvisibilityTimeout, prepareSchema: true));
        var monitoring = storage.GetMonitoringApi();

        await using var receiver = await Receiver.StartAsync(run, clock);
        var workerArguments = new[]
        {
            "--postgres", connectionString,
            "--schema", schema,
            "--origin", receiver.Origin.ToString(),
            "--workers", WorkersPerProcess.ToString(CultureInfo.InvariantCulture),
            "--invisibility-seconds", ((int)InvisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "--retry-delays", "1,2,3",
            "--prepare-schema", "false",
            "--max-seconds", ((int)Deadline.TotalSeconds + 60).ToString(CultureInfo.InvariantCulture),
        };

        var passed = false;
        var workers = new List<WorkerProcess>();
        try
        {
            workers.Add(WorkerProcess.Start("worker-a", workerArguments, Path.Combine(reportDirectory, run, "worker-a.log")));
            workers.Add(WorkerProcess.Start("worker-b", workerArguments, Path.Combine(reportDirectory, run, "worker-b.log")));
            var (victim, survivor) = (workers[0], workers[1]);
            await Until(
                "both workers are ready",
                () => workers.All(w => w.Ready.IsCompleted) || workers.Any(w => w.HasExited),
                TimeSpan.FromSeconds(60),
                () => string.Join(Environment.NewLine, workers.Select(w => $"{w.Name}:{Environment.NewLine}{w.Tail()}")));
            foreach (var worker in workers.Where(w => w.HasExited))
            {
                Assert.Fail($"{worker.Name} exited at start:{Environment.NewLine}{worker.Tail()}");
            }

            figures.WorkersReadyAt = clock.Elapsed;

            // The killer watches the receiver while the jobs are being enqueued: at half, one worker dies outright.
            var killer = Task.Run(async () =>
            {
                await Until($"half of the {Jobs} jobs are accepted by the receiver", () => receiver.AcceptedCount >= Jobs / 2, Deadline - clock.Elapsed);
                figures.ProcessingAtKill = monitoring.ProcessingCount();
                figures.AcceptedAtKill = receiver.AcceptedCount;
                victim.Kill();
                figures.KilledAt = clock.Elapsed;
                figures.KilledAtUtc = DateTime.UtcNow;
                await Until("the killed worker's process is gone", () => victim.Exited.IsCompleted, TimeSpan.FromSeconds(10));

                // Hangfire's locks live for moments; one still there, taken before the kill, was left by the dead worker.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
                figures.LocksLeftByVictim = await LocksTakenBeforeAsync(connectionString, schema, figures.KilledAtUtc);
            }, cancellation);

            var client = new BackgroundJobClient(storage);
            var ids = new string[Jobs];
            var enqueueStarted = clock.Elapsed;
            Parallel.For(0, Jobs, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellation }, i =>
                ids[i] = client.EnqueueWebhook(new ClusterCall { Index = i, Run = run }));
            figures.EnqueuedIn = clock.Elapsed - enqueueStarted;
            await killer;
            output?.WriteLine($"enqueued {Jobs} jobs in {figures.EnqueuedIn.TotalSeconds:0.0} s; killed {victim.Name} (pid {victim.Id}) at " +
                $"{figures.KilledAt.TotalSeconds:0.0} s with {figures.AcceptedAtKill} keys accepted, {figures.ProcessingAtKill} jobs processing");

            await Until(
                $"all {Jobs} jobs are Succeeded",
                () =>
                {
                    if (survivor.HasExited)
                    {
                        throw new InvalidOperationException($"the surviving worker exited early:{Environment.NewLine}{survivor.Tail()}");
                    }

                    return monitoring.GetStatistics().Succeeded >= Jobs;
                },
                Deadline - clock.Elapsed,
                () => $"jobs by state: {Describe(monitoring.GetStatistics())}; receiver accepted {receiver.AcceptedCount} keys." +
                      $"{Environment.NewLine}  {survivor.Name}:{Environment.NewLine}{survivor.Tail()}");
            figures.AllSucceededAt = clock.Elapsed;
            figures.WallTime = figures.AllSucceededAt - enqueueStarted;

            // Every job, one by one, from storage: its state and the key it was given when it was created.
            var states = new Dictionary<string, int>(StringComparer.Ordinal);
            var keyOfIndex = new string?[Jobs];
            using (var connection = storage.GetConnection())
            {
                for (var i = 0; i < Jobs; i++)
                {
                    var state = connection.GetJobData(ids[i])?.State ?? "(missing)";
                    states[state] = states.GetValueOrDefault(state) + 1;
                    var raw = connection.GetJobParameter(ids[i], WebhookJobHeaders.IdempotencyKeyParameter);
                    keyOfIndex[i] = raw is null ? null : SerializationHelper.Deserialize<string>(raw, SerializationOption.User);
                }
            }

            // From each job's history: the jobs that were Processing on the killed worker and were run again elsewhere.
            var histories = ids.Select(id => monitoring.JobDetails(id)?.History ?? []).ToArray();
            figures.Redelivered(histories, victim.Name);

            var calls = receiver.Calls();
            figures.Tally(calls, victim.Name, survivor.Name);
            figures.Report(output, Path.Combine(reportDirectory, run, "figures.txt"), Path.Combine(reportDirectory, "figures-latest.txt"));

            Assert.True(states.GetValueOrDefault(SucceededState.StateName) == Jobs, "jobs by state: " + string.Join(", ", states.Select(s => $"{s.Key} {s.Value}")));
            Assert.DoesNotContain(calls, call => call.Answer == Answer.Refused);

            var accepted = calls.Where(call => call.Answer == Answer.Accepted).ToArray();
            Assert.Equal(Jobs, accepted.Length);
            Assert.Equal(Jobs, accepted.Select(call => call.Key).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(Enumerable.Range(0, Jobs), accepted.Select(call => call.Index).Order());

            // One key per job, the one stored on the job, on every call for it: 503s and re-runs included.
            var keysPerIndex = calls.GroupBy(call => call.Index).Where(g => g.Select(call => call.Key).Distinct().Count() != 1).Select(g => g.Key).ToArray();
            Assert.True(keysPerIndex.Length == 0, $"jobs whose calls carried more than one key: {string.Join(", ", keysPerIndex.Take(10))}");
            var wrongKey = accepted.Where(call => call.Key != keyOfIndex[call.Index]).Select(call => call.Index).ToArray();
            Assert.True(wrongKey.Length == 0, $"jobs whose calls did not carry the key stored on the job: {string.Join(", ", wrongKey.Take(10))}");

            // Every 503 was followed by a later call with the same key that got through (accepted, or dropped as a
            // duplicate when an earlier run of the job had been accepted before its worker died).
            var unavailable = calls.Where(call => call.Answer == Answer.Unavailable).ToArray();
            Assert.NotEmpty(unavailable);
            var lastThrough = calls
                .Where(call => call.Answer is Answer.Accepted or Answer.Duplicate)
                .GroupBy(call => call.Key!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(call => call.Number), StringComparer.Ordinal);
            var notRetried = unavailable.Where(call => !lastThrough.TryGetValue(call.Key!, out var at) || at < call.Number).ToArray();
            Assert.True(notRetried.Length == 0, $"503'd calls never followed by a call with the same key that got through: jobs {string.Join(", ", notRetried.Take(10).Select(c => c.Index))}");

            // The kill was real: nothing came from the victim after it, and the survivor kept going.
            var late = calls.Where(call => call.Worker == victim.Name && call.At > figures.KilledAt + TimeSpan.FromSeconds(1)).ToArray();
            Assert.True(late.Length == 0, $"{late.Length} calls came from {victim.Name} after it was killed");
            Assert.Contains(accepted, call => call.Worker == survivor.Name && call.At > figures.KilledAt);
            passed = true;
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }

            var orphans = workers.Where(worker => !worker.HasExited).Select(worker => $"{worker.Name} (pid {worker.Id})").ToArray();
            if (orphans.Length != 0)
            {
                // Not thrown from here over a failure already on its way: that one says more.
                output?.WriteLine("still running after the kill: " + string.Join(", ", orphans));
                if (passed)
                {
                    Assert.Fail("worker processes still run after the test killed them: " + string.Join(", ", orphans));
                }
            }

            if (passed)
            {
                // Only a passing run's jobs go; a failing run's schema stays for a look (the cluster is throwaway).
                await DropSchemaAsync(connectionString, schema);
            }
            else
            {
                output?.WriteLine($"the jobs stay in schema {schema}; worker logs are in {Path.Combine(reportDirectory, run)}");
            }
        }
    }

    private static async Task Until(string what, Func<bool> condition, TimeSpan timeout, Func<string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting until {what}. {describe?.Invoke()}");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static string Describe(StatisticsDto stats) =>
        $"Enqueued {stats.Enqueued}, Processing {stats.Processing}, Scheduled {stats.Scheduled}, Succeeded {stats.Succeeded}, Failed {stats.Failed}, Deleted {stats.Deleted}";

    private static async Task<IReadOnlyList<string>> LocksTakenBeforeAsync(string connectionString, string schema, DateTime before)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT resource FROM \"{schema}\".lock WHERE acquired <= @before ORDER BY resource", connection);
        command.Parameters.AddWithValue("before", before);
        var resources = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            resources.Add(reader.GetString(0));
        }

        return resources;
    }

    private static async Task DropSchemaAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    // artifacts/cluster-test under the repository (found from this test's output folder), else beside the test.
    private static string ReportDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebhookTasks.Generators.sln")))
            {
                return Path.Combine(directory.FullName, "artifacts", "cluster-test");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "cluster-test");
    }
}
