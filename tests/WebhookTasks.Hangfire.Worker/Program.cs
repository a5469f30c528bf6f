using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using global::Hangfire;
using global::Hangfire.Common;
using global::Hangfire.Server;
using WebhookTasks.Hangfire;

namespace WebhookTasks.Hangfire.Worker;

/// <summary>
/// A Hangfire server process that runs webhook jobs from a PostgreSQL storage until it is stopped (SIGTERM, Ctrl-C,
/// standard input closing with <c>--exit-on-stdin-eof</c>, or <c>--max-seconds</c>) or killed. It logs to stdout.
/// </summary>
public static class Program
{
    /// <summary>The header that names the worker process on every call, so the receiver can tell who sent it.</summary>
    public const string WorkerHeader = "X-Cluster-Worker";

    /// <summary>The line the worker prints once its server runs.</summary>
    public const string ReadyLine = "worker ready";

    public static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] is "-h" or "--help")
        {
            Console.WriteLine(WorkerOptions.Usage);
            return 0;
        }

        WorkerOptions options;
        try
        {
            options = WorkerOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(WorkerOptions.Usage);
            return 2;
        }

        return Run(options);
    }

    private static int Run(WorkerOptions options)
    {
        var clock = Stopwatch.StartNew();
        Log(options.Name, clock, $"starting: schema {options.Schema}, {options.Workers} workers, origin {options.Origin}, " +
            $"invisibility timeout {options.InvisibilityTimeout.TotalSeconds:0} s (sliding), pid {Environment.ProcessId}");

        using var stop = new CancellationTokenSource(options.MaxLifetime);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        if (options.ExitOnStdinEof)
        {
            // The parent holds our standard input open; when it goes away, so do we (no orphaned workers).
            var watcher = new Thread(() =>
            {
                try
                {
                    while (Console.In.ReadLine() is not null)
                    {
                    }
                }
                catch (Exception e) when (e is System.IO.IOException or ObjectDisposedException)
                {
                }

                stop.Cancel();
            }) { IsBackground = true, Name = "stdin watcher" };
            watcher.Start();
        }

        var storageOptions = ClusterHangfire.StorageOptions(options.Schema, options.InvisibilityTimeout, options.PrepareSchema);
        var storage = ClusterHangfire.CreateStorage(options.ConnectionString, storageOptions);

        using var httpClient = new HttpClient(new WorkerNameHandler(options.Name) { InnerHandler = WebhookClient.CreateDefaultHandler() })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var client = new WebhookClient(httpClient, new WebhookClientOptions { Origin = options.Origin });

        GlobalConfiguration.Configuration
            .UseClusterSerialization()
            .UseStorage(storage)
            .UseActivator(new WebhookJobActivator(client))
            .UseWebhookTasks(retry =>
            {
                retry.Attempts = options.RetryAttempts;
                retry.Delays.Clear();
                foreach (var delay in options.RetryDelays)
                {
                    retry.Delays.Add(delay);
                }
            });
        var log = new JobLogFilter(options.Name, clock);
        GlobalJobFilters.Filters.Add(log);

        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = options.Name,
            WorkerCount = options.Workers,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            StopTimeout = TimeSpan.FromSeconds(2),
        };
        using (new BackgroundJobServer(serverOptions, storage))
        {
            Log(options.Name, clock, ReadyLine);
            using var progress = new Timer(_ => Log(options.Name, clock, log.Summary()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
            stop.Token.WaitHandle.WaitOne();
            Log(options.Name, clock, "stopping: " + log.Summary());
        }

        Log(options.Name, clock, "stopped");
        return 0;
    }

    internal static void Log(string name, Stopwatch clock, string message)
    {
        try
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{name} {clock.Elapsed.TotalSeconds,7:0.000}] {message}"));
        }
        catch (System.IO.IOException)
        {
            // Nobody reads our output any more (the parent died): the work goes on until stdin closes.
        }
    }

    /// <summary>Adds <see cref="WorkerHeader"/> to every request.</summary>
    private sealed class WorkerNameHandler(string name) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(WorkerHeader, name);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Builds <see cref="WebhookJob"/> with this process's client; anything else as Hangfire would.</summary>
    private sealed class WebhookJobActivator(WebhookClient client) : JobActivator
    {
        public override object ActivateJob(Type jobType) =>
            jobType == typeof(WebhookJob) ? new WebhookJob(client) : base.ActivateJob(jobType);
    }

    /// <summary>One line per job run, and running totals.</summary>
    private sealed class JobLogFilter(string name, Stopwatch clock) : JobFilterAttribute, IServerFilter
    {
        private int _performed;
        private int _failed;

        public void OnPerforming(PerformingContext context)
        {
        }

        public void OnPerformed(PerformedContext context)
        {
            if (context.Exception is null)
            {
                Interlocked.Increment(ref _performed);
                Log(name, clock, $"job {context.BackgroundJob.Id} ran");
            }
            else
            {
                Interlocked.Increment(ref _failed);
                var error = context.Exception is JobPerformanceException { InnerException: { } inner } ? inner : context.Exception;
                Log(name, clock, $"job {context.BackgroundJob.Id} failed: {error.GetType().Name}: {error.Message}");
            }
        }

        public string Summary() =>
            $"{Volatile.Read(ref _performed)} runs succeeded, {Volatile.Read(ref _failed)} failed (to be retried or not)";
    }
}
