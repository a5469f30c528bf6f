using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using WebhookTasks;
using WebhookTasks.Hangfire;
using WebhookTasks.Hangfire.Sample;
using WebhookTasks.Sample;

// flytekit's WebhookTask example workflow as Hangfire jobs:
//   v = hello(s); simple_get() -> get_with_params(s=v, item_id=10) -> invoke_slack(s=v)
// The first task is enqueued, each of the others is a continuation of the one before, and an in-process
// BackgroundJobServer runs them against an embedded receiver. Storage is PostgreSQL when a connection string is
// given (--postgres or WEBHOOKTASKS_POSTGRES), Hangfire.InMemory otherwise.

var options = SampleOptions.Parse(args, Environment.GetEnvironmentVariable(SampleOptions.PostgresVariable));
if (options is null)
{
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}

// Ctrl+C (SIGINT) or SIGTERM ends the wait, or the dashboard, and the sample shuts down in order.
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var receiver = await Receiver.StartAsync();

// invoke-slack's URL is a secret. It is resolved in the worker when the job runs, never stored with the job: set
// WEBHOOKTASKS_SECRET_SLACK_URL to use a real one, or the sample gives a Slack-shaped URL on the receiver. Either way
// the client's origin override sends every task to the receiver.
var secrets = new Dictionary<string, string>
{
    ["slack_url"] = EnvironmentSecretProvider.Instance.GetSecret("slack_url")
                    ?? new Uri(receiver.Origin, "/services/test/test/test").ToString(),
};
var client = new WebhookClient(
    WebhookClient.CreateDefaultHttpClient(),
    new WebhookClientOptions { Origin = receiver.Origin, SecretProvider = new DictionarySecretProvider(secrets) });

var configuration = GlobalConfiguration.Configuration
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseWebhookTasks()
    .UseActivator(new WebhookJobActivator(client));
JobStorage storage;
try
{
    storage = options.Postgres is null
        ? configuration.UseInMemoryStorage().Entry
        : configuration.UsePostgreSqlStorage(
            bootstrapper => bootstrapper.UseNpgsqlConnection(options.Postgres),
            new PostgreSqlStorageOptions
            {
                // A schema of its own, so the sample never picks up jobs of other programs that share the database.
                SchemaName = SampleOptions.PostgresSchema,
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
                // A crashed worker's jobs come back after 5 minutes and its locks free after 1 (defaults: 30 and 10).
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
                // A sample that cannot reach its database says so at once rather than retrying for a minute.
                StartupConnectionMaxRetries = 0,
                AllowDegradedModeWithoutStorage = false,
            }).Entry;

    // One query before any server or job exists, so an unreachable database ends the sample at once.
    using var probe = storage.GetConnection();
    probe.GetStateData("0");
}
catch (DbException exception)
{
    Console.Error.WriteLine($"error: the job storage did not answer: {exception.Message}");
    return 1;
}

Console.WriteLine($"# receiver: {receiver.Origin.GetLeftPart(UriPartial.Authority)} (embedded)");
Console.WriteLine($"# storage: {(options.Postgres is null ? "Hangfire.InMemory" : $"PostgreSQL {SampleOptions.DescribePostgres(options.Postgres)}, schema {SampleOptions.PostgresSchema}")}");

using var server = new BackgroundJobServer(
    new BackgroundJobServerOptions
    {
        ServerName = "webhooktasks-sample-" + Environment.ProcessId,
        WorkerCount = 2,
        SchedulePollingInterval = TimeSpan.FromSeconds(1),
        ShutdownTimeout = TimeSpan.FromSeconds(10),
    },
    storage);

var v = Hello(options.S);
Console.WriteLine($"# hello(s={options.S}) -> {v}");

IBackgroundJobClient jobs = new BackgroundJobClient(storage);
var simpleGet = jobs.EnqueueWebhook(new SimpleGet());
var getWithParams = jobs.ContinueWebhookWith(simpleGet, new GetWithParams { S = v, ItemId = options.ItemId });
var invokeSlack = jobs.ContinueWebhookWith(getWithParams, new InvokeSlack { S = v });
var workflow = new[] { (Id: simpleGet, Task: "simple-get"), (Id: getWithParams, Task: "get-with-params"), (Id: invokeSlack, Task: "invoke-slack") };
Console.WriteLine($"# enqueued job {simpleGet} (simple-get), then jobs {getWithParams} (get-with-params) and {invokeSlack} (invoke-slack), each a continuation of the one before");

var succeeded = 0;
var clock = Stopwatch.StartNew();
using (var connection = storage.GetConnection())
{
    foreach (var (id, task) in workflow)
    {
        var state = await WaitForFinalStateAsync(connection, id, options.Timeout - clock.Elapsed, stop.Token);
        if (!Report(id, task, state))
        {
            // The continuations of a job that did not succeed never run.
            break;
        }

        succeeded++;
    }
}

for (var i = succeeded + 1; i < workflow.Length; i++)
{
    Console.WriteLine($"job {workflow[i].Id} {workflow[i].Task} NotRun (its parent did not succeed)");
}

var allSucceeded = succeeded == workflow.Length;
Console.WriteLine($"# {succeeded} of {workflow.Length} jobs succeeded in {clock.Elapsed.TotalSeconds:F1} s");

if (options.Dashboard && !stop.IsCancellationRequested)
{
    await Dashboard.ServeAsync(storage, stop.Token);
}

return allSucceeded ? 0 : 1;

static string Hello(string s) => "Hello " + s;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

// Polls the job's state until it is final (Succeeded, Failed or Deleted), the time is up or Ctrl+C is pressed;
// returns the last state seen, or null when the job has none yet.
static async Task<StateData?> WaitForFinalStateAsync(IStorageConnection connection, string id, TimeSpan timeout, CancellationToken cancellationToken)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        var state = connection.GetStateData(id);
        if (state?.Name is "Succeeded" or "Failed" or "Deleted" || deadline.Elapsed >= timeout || cancellationToken.IsCancellationRequested)
        {
            return state;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return connection.GetStateData(id);
        }
    }
}

// One line per job: its state and its redacted result (the main sample's JSON) with the idempotency key, then
// what the receiver got with that key. Returns whether the job succeeded.
bool Report(string id, string task, StateData? state)
{
    if (state is null)
    {
        Console.WriteLine($"job {id} {task} Unknown (no state)");
        return false;
    }

    if (state.Name != "Succeeded")
    {
        // The filter's reason (why it is not retried, or which retry comes next), then the failure itself.
        var waiting = state.Name is "Failed" or "Deleted" ? "" : $" after {options.Timeout.TotalSeconds:F0} s";
        var reason = string.IsNullOrEmpty(state.Reason) ? "" : $" ({state.Reason})";
        var message = state.Data.TryGetValue("ExceptionMessage", out var text) ? " " + text : "";
        Console.WriteLine($"job {id} {task} {state.Name}{waiting}{reason}{message}");
        return false;
    }

    var result = state.Data.TryGetValue("Result", out var json) && json is not null
        ? SerializationHelper.Deserialize<WebhookJobResult>(json, SerializationOption.User)
        : null;
    if (result is null)
    {
        Console.WriteLine($"job {id} {task} Succeeded (no result stored)");
        return false;
    }

    Console.WriteLine($"job {id} {task} Succeeded {result.ToWebhookResult().ToJson()} {WebhookJobHeaders.IdempotencyKey}: {result.IdempotencyKey}");
    foreach (var request in receiver.RequestsWithKey(result.IdempotencyKey))
    {
        Console.WriteLine($"#   receiver got {request.Method} {request.Target}{(request.Body.Length == 0 ? "" : " with body " + request.Body)}");
    }

    return true;
}
