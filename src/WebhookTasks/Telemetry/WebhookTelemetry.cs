using System.Diagnostics;
using System.Reflection;

namespace WebhookTasks;

/// <summary>
/// The names under which WebhookTasks reports traces and metrics: one <see cref="ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both named <see cref="SourceName"/>. With OpenTelemetry,
/// <c>AddSource("WebhookTasks")</c> and <c>AddMeter("WebhookTasks")</c> subscribe to them.
/// </summary>
/// <remarks>
/// Every invocation of a task is one span named <c>webhook &lt;task-name&gt;</c> (HttpClient's own span, when it
/// records one, is its child), one count on <see cref="InvocationsInstrument"/> and one measurement on
/// <see cref="DurationInstrument"/>, all tagged with <see cref="TaskTag"/> and <see cref="OutcomeTag"/>.
/// No tag, log entry or span carries a URL, a query value or a secret.
/// </remarks>
public static class WebhookTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>WebhookTasks</c>.</summary>
    public const string SourceName = "WebhookTasks";

    /// <summary>The counter of invocations, by task and outcome: <c>webhook.invocations</c>.</summary>
    public const string InvocationsInstrument = "webhook.invocations";

    /// <summary>The histogram of invocation durations in seconds, by task and outcome: <c>webhook.duration</c>.</summary>
    public const string DurationInstrument = "webhook.duration";

    /// <summary>The tag holding the task's name: <c>webhook.task</c>.</summary>
    public const string TaskTag = "webhook.task";

    /// <summary>The tag holding the invocation's outcome, one of <see cref="WebhookOutcome"/>: <c>webhook.outcome</c>.</summary>
    public const string OutcomeTag = "webhook.outcome";

    /// <summary>The span tag holding the HTTP method, as OpenTelemetry names it: <c>http.request.method</c>.</summary>
    public const string MethodTag = "http.request.method";

    /// <summary>The span tag holding the response's status code, when there was a response: <c>http.response.status_code</c>.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>
    /// The span tag saying why an invocation failed, as OpenTelemetry names it: <c>error.type</c>, the status code
    /// for a status outside 2xx, else the exception's type name.
    /// </summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The library's version without build metadata (<c>0.1.0</c>, not <c>0.1.0+commit</c>).</summary>
    internal static readonly string Version =
        (typeof(WebhookTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    internal static readonly ActivitySource ActivitySource = new(SourceName, Version);
}

/// <summary>The outcomes an invocation is tagged with (<see cref="WebhookTelemetry.OutcomeTag"/>) and logged with.</summary>
public static class WebhookOutcome
{
    /// <summary>The receiver answered with a 2xx status: <c>success</c>.</summary>
    public const string Success = "success";

    /// <summary>The receiver answered with a status outside 2xx: <c>http_error</c>.</summary>
    public const string HttpError = "http_error";

    /// <summary>The response was longer than the client's cap: <c>response_too_large</c>.</summary>
    public const string ResponseTooLarge = "response_too_large";

    /// <summary>The call took longer than the task's timeout: <c>timeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The caller cancelled the call: <c>cancelled</c>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Nothing was sent: an input value was refused or a secret was missing: <c>not_sent</c>.</summary>
    public const string NotSent = "not_sent";

    /// <summary>Anything else, such as a connection that could not be made: <c>error</c>.</summary>
    public const string Error = "error";
}
