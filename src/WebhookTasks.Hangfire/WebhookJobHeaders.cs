namespace WebhookTasks.Hangfire;

/// <summary>The names that webhook jobs use on the wire and in Hangfire's storage.</summary>
public static class WebhookJobHeaders
{
    /// <summary>
    /// The header every webhook job call carries: <c>Idempotency-Key</c>. Its value is made once per logical call
    /// (when the job is created; for a recurring job, once per occurrence) and stays the same on every retry and
    /// on every re-run after a crashed worker, so a receiver can drop the duplicates of Hangfire's at-least-once runs.
    /// </summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The Hangfire job parameter that holds the idempotency key: <c>WebhookTasks.IdempotencyKey</c>.</summary>
    public const string IdempotencyKeyParameter = "WebhookTasks.IdempotencyKey";

    /// <summary>
    /// The Hangfire job parameter that counts the retries <see cref="WebhookJobFilterAttribute"/> has scheduled:
    /// <c>WebhookTasks.RetryCount</c>. Absent before the first retry, and set back to 0 when a Failed job is enqueued
    /// again; the run's <see cref="WebhookJobResult.Attempt"/> is it plus one.
    /// </summary>
    public const string RetryCountParameter = "WebhookTasks.RetryCount";
}
