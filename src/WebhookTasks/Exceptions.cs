using System;

namespace WebhookTasks;

/// <summary>The base of the exceptions a webhook call raises for a reason of its own.</summary>
public abstract class WebhookException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="message">The message, which never contains a secret.</param>
    protected WebhookException(string taskName, string message)
        : base(message)
    {
        TaskName = taskName;
    }

    /// <summary>The name of the task whose call failed.</summary>
    public string TaskName { get; }
}

/// <summary>The receiver answered with a status outside 2xx (a 3xx included: redirects are not followed).</summary>
public sealed class WebhookFailedException : WebhookException
{
    /// <summary>How much of the response text the message quotes, in characters.</summary>
    public const int MaxQuotedResponseLength = 1024;

    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="responseText">The response body as text, secrets already masked.</param>
    public WebhookFailedException(string taskName, int statusCode, string responseText)
        : this(taskName, statusCode, responseText, null)
    {
    }

    /// <summary>Creates the exception, with the wait the receiver asked for.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="responseText">The response body as text, secrets already masked.</param>
    /// <param name="retryAfter">
    /// How long the receiver asked the caller to wait before trying again (its <c>Retry-After</c> header), or
    /// <see langword="null"/> when it did not say; a negative value is taken as zero.
    /// </param>
    public WebhookFailedException(string taskName, int statusCode, string responseText, TimeSpan? retryAfter)
        : base(taskName, $"Webhook '{taskName}' failed with status code {statusCode}, response: {Quote(responseText)}")
    {
        StatusCode = statusCode;
        ResponseText = responseText;
        RetryAfter = retryAfter is { } wait && wait < TimeSpan.Zero ? TimeSpan.Zero : retryAfter;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text (secrets masked), read up to the client's response cap.</summary>
    public string ResponseText { get; }

    /// <summary>
    /// How long the receiver asked the caller to wait before trying again, from the response's <c>Retry-After</c>
    /// header (as seconds, or as an HTTP date counted from the response's <c>Date</c> header, else from the time
    /// the response was read; a date in the past gives zero); <see langword="null"/> when the header is missing or
    /// cannot be read. Typically sent with 429 and 503.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    private static string Quote(string text) =>
        text.Length <= MaxQuotedResponseLength ? text : text.Substring(0, MaxQuotedResponseLength) + "...";
}

/// <summary>The response body was longer than <see cref="WebhookClientOptions.MaxResponseBytes"/>.</summary>
public sealed class WebhookResponseTooLargeException : WebhookException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="maxResponseBytes">The cap that was exceeded.</param>
    public WebhookResponseTooLargeException(string taskName, int statusCode, long maxResponseBytes)
        : base(taskName, $"Webhook '{taskName}' answered with status code {statusCode} and a response longer than the cap of {maxResponseBytes} bytes (WebhookClientOptions.MaxResponseBytes).")
    {
        StatusCode = statusCode;
        MaxResponseBytes = maxResponseBytes;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The cap that was exceeded, in bytes.</summary>
    public long MaxResponseBytes { get; }
}

/// <summary>A secret the task declares could not be resolved; nothing was sent.</summary>
public sealed class WebhookSecretNotFoundException : WebhookException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="secretName">The secret's name.</param>
    /// <param name="lookedIn">Where the provider looked, such as an environment variable's name.</param>
    public WebhookSecretNotFoundException(string taskName, string secretName, string lookedIn)
        : base(taskName, $"Webhook '{taskName}' needs secret '{secretName}', which was not found (looked in {lookedIn}).")
    {
        SecretName = secretName;
    }

    /// <summary>The name of the missing secret.</summary>
    public string SecretName { get; }
}
