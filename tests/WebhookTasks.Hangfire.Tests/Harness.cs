using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Hangfire.Storage.Monitoring;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

/// <summary>
/// The retry options every test runs with. They are process-wide, as Hangfire's configuration is, so every
/// test sets the same ones: 3 retries, 100 ms apart, no jitter.
/// </summary>
internal static class TestRetry
{
    public const int Attempts = 3;

    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    public static void Configure(WebhookRetryOptions options)
    {
        options.Attempts = Attempts;
        options.Delays.Clear();
        options.Delays.Add(Delay);
        options.Jitter = 0;
    }

    /// <summary>Sets the test options, changed by <paramref name="change"/> (only in tests that run alone: see <see cref="RetryOptionsChangingCollection"/>).</summary>
    public static void Apply(Action<WebhookRetryOptions>? change = null) => GlobalConfiguration.Configuration.UseWebhookTasks(options =>
    {
        Configure(options);
        change?.Invoke(options);
    });
}

/// <summary>
/// Tests that change the process-wide retry options beyond <see cref="TestRetry"/>'s: they run alone, not beside
/// other tests that would see (and reset) the change.
/// </summary>
[CollectionDefinition(nameof(RetryOptionsChangingCollection), DisableParallelization = true)]
public sealed class RetryOptionsChangingCollection
{
}

/// <summary>Makes every <see cref="WebhookJob"/> with the test's client, as dependency injection would.</summary>
internal sealed class ClientActivator(WebhookClient client) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(WebhookJob) ? new WebhookJob(client) : base.ActivateJob(jobType);
}

/// <summary>
/// One test's world: a receiver, a Hangfire InMemory storage, a client to create jobs and a server that runs
/// them with a <see cref="WebhookClient"/> pointed at the receiver. Nothing is shared with other tests but the
/// retry options.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly BackgroundJobServer _server;

    private Harness(Receiver receiver, InMemoryStorage storage, WebhookClient client, BackgroundJobServer server)
    {
        Receiver = receiver;
        Storage = storage;
        Client = client;
        _server = server;
        Jobs = new BackgroundJobClient(storage);
        Recurring = new RecurringJobManager(storage);
    }

    public Receiver Receiver { get; }

    public InMemoryStorage Storage { get; }

    /// <summary>The client the worker sends with.</summary>
    public WebhookClient Client { get; }

    public IBackgroundJobClient Jobs { get; }

    public RecurringJobManager Recurring { get; }

    public static Task<Harness> StartAsync(Reply reply, IWebhookSecretProvider? secrets = null, string[]? queues = null) =>
        StartAsync(_ => reply, secrets, queues);

    /// <summary>
    /// Starts a world; <paramref name="client"/> makes the worker's client (by default one pointed at the receiver);
    /// <paramref name="retry"/> changes the test's retry options (only in <see cref="RetryOptionsChangingCollection"/>).
    /// </summary>
    public static async Task<Harness> StartAsync(
        Func<ReceivedRequest, Reply> respond,
        IWebhookSecretProvider? secrets = null,
        string[]? queues = null,
        Func<Receiver, WebhookClient>? client = null,
        Action<WebhookRetryOptions>? retry = null)
    {
        TestRetry.Apply(retry);
        var receiver = await Receiver.StartAsync(respond);
        var storage = new InMemoryStorage(new InMemoryStorageOptions { MaxStateHistoryLength = 100 });
        var worker = client?.Invoke(receiver) ?? receiver.Client(secrets: secrets);
        var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = 2,
                Queues = queues ?? ["default"],
                SchedulePollingInterval = TimeSpan.FromMilliseconds(50),
                ServerTimeout = TimeSpan.FromMinutes(1),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
                Activator = new ClientActivator(worker),
                ServerName = "webhooktasks-tests-" + Guid.NewGuid().ToString("N"),
            },
            storage);
        return new Harness(receiver, storage, worker, server);
    }

    public JobDetailsDto Details(string jobId) =>
        Storage.GetMonitoringApi().JobDetails(jobId) ?? throw new InvalidOperationException($"No job {jobId}.");

    /// <summary>The job's current state name, read from storage.</summary>
    public string? StateOf(string jobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>Waits until the job is in one of <paramref name="states"/>, and returns that state's name.</summary>
    public async Task<string> WaitForStateAsync(string jobId, params string[] states)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = StateOf(jobId);
            if (state is not null && states.Contains(state, StringComparer.OrdinalIgnoreCase))
            {
                return state;
            }

            if (clock.Elapsed > WaitLimit)
            {
                var last = Storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault(h => h.StateName == FailedState.StateName || h.Reason is not null);
                throw new TimeoutException(
                    $"Job {jobId} is {state ?? "missing"} after {WaitLimit}, not {string.Join(" or ", states)}. Last reason: {last?.Reason}; {string.Join("; ", last?.Data.Select(d => d.Key + "=" + d.Value) ?? [])}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The job's latest state with its reason and data, for failure messages.</summary>
    public string LatestState(string jobId)
    {
        var latest = Details(jobId).History.FirstOrDefault();
        return latest is null
            ? "no state"
            : $"{latest.StateName}: {latest.Reason}; {string.Join("; ", latest.Data.Select(d => d.Key + "=" + d.Value))}";
    }

    /// <summary>Waits for a final state: Succeeded or Failed.</summary>
    public Task<string> WaitForEndAsync(string jobId) => WaitForStateAsync(jobId, SucceededState.StateName, FailedState.StateName);

    /// <summary>The result stored on the job's Succeeded state, as Hangfire serialized it.</summary>
    public WebhookJobResult Result(string jobId)
    {
        var succeeded = Details(jobId).History.First(h => h.StateName == SucceededState.StateName);
        var json = succeeded.Data["Result"];
        return SerializationHelper.Deserialize<WebhookJobResult>(json, SerializationOption.User);
    }

    /// <summary>The job's state names, oldest first.</summary>
    public IReadOnlyList<string> History(string jobId) =>
        Details(jobId).History.Reverse().Select(h => h.StateName).ToList(); // Hangfire lists the newest first

    /// <summary>A job parameter, deserialized as Hangfire does (parameters are stored as JSON).</summary>
    public T? Parameter<T>(string jobId, string name)
    {
        using var connection = Storage.GetConnection();
        var raw = connection.GetJobParameter(jobId, name);
        return raw is null ? default : SerializationHelper.Deserialize<T>(raw, SerializationOption.User);
    }

    /// <summary>
    /// Waits until the job has been Scheduled, and returns the first Scheduled state's wait (its EnqueueAt less its
    /// ScheduledAt, read from storage) and reason. Read from the history, so a short wait that is already over counts too.
    /// </summary>
    public async Task<(TimeSpan Wait, string? Reason)> FirstScheduledAsync(string jobId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var scheduled = Details(jobId).History.LastOrDefault(h => h.StateName == ScheduledState.StateName); // newest first
            if (scheduled is not null)
            {
                var enqueueAt = JobHelper.DeserializeDateTime(scheduled.Data["EnqueueAt"]);
                var scheduledAt = JobHelper.DeserializeDateTime(scheduled.Data["ScheduledAt"]);
                return (enqueueAt - scheduledAt, scheduled.Reason);
            }

            if (clock.Elapsed > WaitLimit)
            {
                throw new TimeoutException($"Job {jobId} was not scheduled within {WaitLimit}; it is {LatestState(jobId)}.");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.SendStop();
        await Task.Run(_server.Dispose);
        Storage.Dispose();
        await Receiver.DisposeAsync();
    }
}
