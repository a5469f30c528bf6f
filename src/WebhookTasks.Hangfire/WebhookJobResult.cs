namespace WebhookTasks.Hangfire;

/// <summary>
/// What a webhook job returns, and so what Hangfire stores on its Succeeded state and the dashboard shows as the
/// job's result. Redacted exactly like <see cref="WebhookResult"/>: secrets are shown as <c>***</c>, and
/// <see cref="Url"/> and <see cref="InputData"/> are present only when the task has <c>ShowUrl</c> and <c>ShowData</c>.
/// </summary>
public sealed class WebhookJobResult
{
    /// <summary>The task's name.</summary>
    public string TaskName { get; init; } = "";

    /// <summary>The HTTP status code, always 2xx.</summary>
    public int StatusCode { get; init; }

    /// <summary>The response body as text, secrets masked.</summary>
    public string ResponseData { get; init; } = "";

    /// <summary>When the task has <c>ShowUrl</c>: the URL rendered from the task's URL template, secrets masked; else <see langword="null"/>.</summary>
    public string? Url { get; init; }

    /// <summary>When the task has <c>ShowData</c>: the data that was sent, as JSON text, secrets masked; else <see langword="null"/>.</summary>
    public string? InputData { get; init; }

    /// <summary>The idempotency key the call carried in the <see cref="WebhookJobHeaders.IdempotencyKey"/> header.</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>Which run of the job answered: 1 for the first run, 2 for the first retry, and so on.</summary>
    public int Attempt { get; init; }

    /// <summary>Makes a job result from the result of the call.</summary>
    /// <param name="result">The call's result.</param>
    /// <param name="idempotencyKey">The idempotency key the call carried.</param>
    /// <param name="attempt">Which run answered, from 1.</param>
    /// <returns>The job result.</returns>
    public static WebhookJobResult From(WebhookResult result, string idempotencyKey, int attempt)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        System.ArgumentNullException.ThrowIfNull(idempotencyKey);
        return new WebhookJobResult
        {
            TaskName = result.TaskName,
            StatusCode = result.StatusCode,
            ResponseData = result.ResponseData,
            Url = result.Url,
            InputData = result.InputData,
            IdempotencyKey = idempotencyKey,
            Attempt = attempt,
        };
    }

    /// <summary>The result as the task's own <see cref="WebhookResult"/> (without the key and attempt).</summary>
    /// <returns>A <see cref="WebhookResult"/> with the same values.</returns>
    public WebhookResult ToWebhookResult() => new(TaskName, StatusCode, ResponseData, Url, InputData);
}
