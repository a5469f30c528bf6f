using Microsoft.Extensions.Logging;

namespace WebhookTasks;

/// <summary>
/// What a <see cref="WebhookClient"/> logs, through the logging source generator. Only the task's name, the
/// method, the status, the outcome, the error's type and the duration: never a URL, a query value, a header,
/// a body or a secret.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1, EventName = "WebhookSending", Level = LogLevel.Debug,
        Message = "Sending webhook {WebhookTask} ({HttpMethod})")]
    public static partial void Sending(ILogger logger, string webhookTask, string httpMethod);

    [LoggerMessage(EventId = 2, EventName = "WebhookSucceeded", Level = LogLevel.Information,
        Message = "Webhook {WebhookTask} ({HttpMethod}) answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    public static partial void Succeeded(ILogger logger, string webhookTask, string httpMethod, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "WebhookFailed",
        Message = "Webhook {WebhookTask} ({HttpMethod}) failed with outcome {Outcome} (status {StatusCode}, {ErrorType}) after {ElapsedMilliseconds:0.0} ms")]
    public static partial void Failed(
        ILogger logger, LogLevel level, string webhookTask, string httpMethod, string outcome, int? statusCode, string errorType, double elapsedMilliseconds);
}
