using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace WebhookTasks.Hangfire.Worker;

/// <summary>The worker's command line: <c>--name value</c> pairs, all but <c>--postgres</c>/<c>--origin</c> optional.</summary>
public sealed class WorkerOptions
{
    public const string Usage = """
        usage: WebhookTasks.Hangfire.Worker --origin URL [options]
          --postgres CS            Npgsql connection string (default: env WEBHOOKTASKS_TEST_POSTGRES)
          --schema NAME            Hangfire schema (default: hangfire)
          --origin URL             where every task is sent instead of its own host, e.g. http://127.0.0.1:5000
          --name NAME              server name, also sent as the X-Cluster-Worker header (default: worker-<pid>)
          --workers N              Hangfire worker threads (default: 10)
          --invisibility-seconds S storage invisibility timeout, sliding (default: 15)
          --retry-delays S,S,...   webhook retry delays in seconds; the last repeats (default: 1,2,3)
          --retry-attempts N       retries after the first run (default: 10)
          --prepare-schema BOOL    create/upgrade the schema at start (default: true)
          --exit-on-stdin-eof      stop when standard input closes (what the test's parent process uses)
          --max-seconds S          stop after this long whatever happens (default: 900)
        """;

    public string ConnectionString { get; private set; } = "";

    public string Schema { get; private set; } = "hangfire";

    public Uri Origin { get; private set; } = null!;

    public string Name { get; private set; } = "worker-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public int Workers { get; private set; } = 10;

    public TimeSpan InvisibilityTimeout { get; private set; } = ClusterHangfire.DefaultInvisibilityTimeout;

    public IReadOnlyList<TimeSpan> RetryDelays { get; private set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];

    public int RetryAttempts { get; private set; } = 10;

    public bool PrepareSchema { get; private set; } = true;

    public bool ExitOnStdinEof { get; private set; }

    public TimeSpan MaxLifetime { get; private set; } = TimeSpan.FromSeconds(900);

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> with a message fit for the user.</summary>
    public static WorkerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new WorkerOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable("WEBHOOKTASKS_TEST_POSTGRES") ?? "",
        };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--exit-on-stdin-eof")
            {
                options.ExitOnStdinEof = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--postgres": options.ConnectionString = value; break;
                case "--schema": options.Schema = value; break;
                case "--origin": options.Origin = new Uri(value, UriKind.Absolute); break;
                case "--name": options.Name = value; break;
                case "--workers": options.Workers = PositiveInt(name, value); break;
                case "--invisibility-seconds": options.InvisibilityTimeout = TimeSpan.FromSeconds(PositiveInt(name, value)); break;
                case "--retry-delays":
                    options.RetryDelays = value.Split(',').Select(s => TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture))).ToArray();
                    break;
                case "--retry-attempts": options.RetryAttempts = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--prepare-schema": options.PrepareSchema = bool.Parse(value); break;
                case "--max-seconds": options.MaxLifetime = TimeSpan.FromSeconds(PositiveInt(name, value)); break;
                default: throw new ArgumentException($"unknown argument {name}");
            }
        }

        if (options.ConnectionString.Length == 0)
        {
            throw new ArgumentException("no connection string: give --postgres or set WEBHOOKTASKS_TEST_POSTGRES");
        }

        if (options.Origin is null)
        {
            throw new ArgumentException("--origin is required");
        }

        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive whole number, not '{value}'");
}
