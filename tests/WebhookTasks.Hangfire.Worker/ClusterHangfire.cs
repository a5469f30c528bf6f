using System;
using global::Hangfire;
using global::Hangfire.PostgreSql;
using global::Hangfire.PostgreSql.Factories;

namespace WebhookTasks.Hangfire.Worker;

/// <summary>
/// The Hangfire settings the workers and the test's job client share: one storage layout and one serializer, so
/// that what the test enqueues is what the workers read.
/// </summary>
public static class ClusterHangfire
{
    /// <summary>The invisibility timeout the test runs with unless told otherwise.</summary>
    public static readonly TimeSpan DefaultInvisibilityTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a distributed lock row lives before others may take it over. Hangfire holds these locks for moments
    /// (a job's state change, a scheduler's pass); one held by a process that was killed is only freed when it expires,
    /// and the job it guarded waits that long (Hangfire.PostgreSql's default is 10 minutes).
    /// </summary>
    public static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How often an idle worker looks at the queue.</summary>
    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Storage options for a schema of its own. The invisibility timeout is SLIDING: while a worker process lives, the
    /// storage's heartbeat process pushes the fetched job's timeout forward (every fifth of it), so a job that runs
    /// longer than the timeout is not handed to a second worker; once the process dies, the heartbeats stop and its
    /// jobs are fetched again by another worker one timeout after their last heartbeat.
    /// </summary>
    public static PostgreSqlStorageOptions StorageOptions(string schema, TimeSpan invisibilityTimeout, bool prepareSchema) => new()
    {
        SchemaName = schema,
        PrepareSchemaIfNecessary = prepareSchema,
        InvisibilityTimeout = invisibilityTimeout,
        UseSlidingInvisibilityTimeout = true,
        QueuePollInterval = QueuePollInterval,
        DistributedLockTimeout = DistributedLockTimeout,
    };

    /// <summary>A PostgreSQL job storage on the given Npgsql connection string.</summary>
    public static PostgreSqlStorage CreateStorage(string connectionString, PostgreSqlStorageOptions options) =>
        new(new NpgsqlConnectionFactory(connectionString, options, null), options);

    /// <summary>The process-wide serializer settings both sides use.</summary>
    public static IGlobalConfiguration UseClusterSerialization(this IGlobalConfiguration configuration) => configuration
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings();
}
