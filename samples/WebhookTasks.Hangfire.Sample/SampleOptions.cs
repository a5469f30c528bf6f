using System;
using System.Globalization;
using Npgsql;

namespace WebhookTasks.Hangfire.Sample;

/// <summary>The sample's command line.</summary>
/// <param name="Postgres">The PostgreSQL connection string, or <see langword="null"/> for Hangfire.InMemory.</param>
/// <param name="Dashboard">Whether to serve the Hangfire dashboard after the workflow, until Ctrl+C.</param>
/// <param name="S">The workflow's input <c>s</c>.</param>
/// <param name="ItemId">get-with-params' <c>item_id</c>.</param>
/// <param name="Timeout">How long to wait for all the jobs.</param>
internal sealed record SampleOptions(string? Postgres, bool Dashboard, string S, int ItemId, TimeSpan Timeout)
{
    /// <summary>The environment variable read for a connection string when there is no <c>--postgres</c>.</summary>
    public const string PostgresVariable = "WEBHOOKTASKS_POSTGRES";

    /// <summary>The PostgreSQL schema that holds the sample's Hangfire tables.</summary>
    public const string PostgresSchema = "webhooktasks_sample";

    public const string Usage =
        "usage: WebhookTasks.Hangfire.Sample [--postgres CONNECTION-STRING] [--dashboard] [--s TEXT] [--item-id N] [--timeout SECONDS]\n" +
        "  storage: PostgreSQL with --postgres or " + PostgresVariable + ", else Hangfire.InMemory";

    /// <summary>Reads the arguments; <see langword="null"/> when one is unknown or has a bad value.</summary>
    public static SampleOptions? Parse(string[] args, string? postgresFromEnvironment)
    {
        var postgres = string.IsNullOrWhiteSpace(postgresFromEnvironment) ? null : postgresFromEnvironment;
        var dashboard = false;
        var s = "world";
        var itemId = 10;
        var timeout = TimeSpan.FromSeconds(60);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--dashboard":
                    dashboard = true;
                    continue;
                case "--postgres" when !string.IsNullOrWhiteSpace(value):
                    postgres = value;
                    break;
                case "--s" when value is not null:
                    s = value;
                    break;
                case "--item-id" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedId):
                    itemId = parsedId;
                    break;
                case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    return null;
            }

            i++;
        }

        if (postgres is not null && DescribePostgres(postgres) is null)
        {
            Console.Error.WriteLine("error: the PostgreSQL connection string is not valid.");
            return null;
        }

        return new SampleOptions(postgres, dashboard, s, itemId, timeout);
    }

    /// <summary>Host, port and database of a connection string, never its password; <see langword="null"/> when it does not parse.</summary>
    public static string? DescribePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
