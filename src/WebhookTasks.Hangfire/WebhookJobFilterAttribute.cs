using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Reflection;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;

namespace WebhookTasks.Hangfire;

/// <summary>
/// The Hangfire filter on <see cref="WebhookJob.RunAsync"/>. When a job is created (each occurrence of a recurring
/// job included) it gives the job a new idempotency key; when a run fails, it decides from the failure whether the
/// job is retried on the schedule of <see cref="WebhookRetryOptions"/> (waiting longer when the receiver's
/// <c>Retry-After</c> asks for it, up to <see cref="WebhookRetryOptions.MaxRetryAfter"/>) or fails at once; when a
/// Failed job is enqueued again (the dashboard's Requeue), it resets the retry count so the job gets the whole schedule again.
/// </summary>
/// <remarks>
/// Retried: <see cref="WebhookFailedException"/> with a 5xx, 408 or 429 status, <see cref="TimeoutException"/>,
/// <see cref="HttpRequestException"/>, <see cref="IOException"/>, and any exception not named below. Failed at once:
/// <see cref="WebhookFailedException"/> with any other status (other 4xx, 3xx), <see cref="ArgumentException"/> (an
/// input value the task refuses), <see cref="WebhookSecretNotFoundException"/> and <see cref="WebhookResponseTooLargeException"/>.
/// <see cref="InvalidOperationException"/> is retried: it is also what a disposed object or a job activator that cannot
/// make the job throws, which a healthy server may not. A job that has used up its retries stays Failed.
/// </remarks>
public sealed class WebhookJobFilterAttribute : JobFilterAttribute, IClientFilter, IElectStateFilter
{
    /// <summary>Gives the job being created a new idempotency key, unless a parameter already holds one.</summary>
    /// <param name="context">The job being created.</param>
    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(context.GetJobParameter<string>(WebhookJobHeaders.IdempotencyKeyParameter)))
        {
            context.SetJobParameter(WebhookJobHeaders.IdempotencyKeyParameter, NewIdempotencyKey());
        }
    }

    /// <summary>Does nothing: everything happens before the job is created.</summary>
    /// <param name="context">The job that was created.</param>
    public void OnCreated(CreatedContext context)
    {
    }

    /// <summary>
    /// Turns a candidate Failed state into a Scheduled one when the failure may pass and retries are left; otherwise
    /// leaves it Failed, with a reason that says why it was not retried. When a Failed job is enqueued again, resets
    /// its retry count.
    /// </summary>
    /// <param name="context">The state election.</param>
    public void OnStateElection(ElectStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CandidateState is EnqueuedState
            && string.Equals(context.CurrentState, FailedState.StateName, StringComparison.OrdinalIgnoreCase)
            && context.GetJobParameter<int>(WebhookJobHeaders.RetryCountParameter, allowStale: true) != 0)
        {
            // A requeue of a job that failed (by hand, from the dashboard or the API) starts the schedule over.
            context.SetJobParameter(WebhookJobHeaders.RetryCountParameter, 0);
            return;
        }

        if (context.CandidateState is not FailedState failed)
        {
            return;
        }

        var exception = Unwrap(failed.Exception);
        var failure = Describe(exception);
        if (!IsRetryable(exception))
        {
            failed.Reason = $"Not retried: {failure} is not a transient failure.";
            return;
        }

        var options = WebhookRetryOptions.Current;
        var retry = context.GetJobParameter<int>(WebhookJobHeaders.RetryCountParameter, allowStale: true) + 1;
        if (retry > options.Attempts)
        {
            failed.Reason = $"Retries used up: {failure} on attempt {retry} of {options.Attempts + 1}.";
            return;
        }

        var retryAfter = (exception as WebhookFailedException)?.RetryAfter;
        var (delay, fromRetryAfter) = options.Decide(retry, retryAfter);
        context.SetJobParameter(WebhookJobHeaders.RetryCountParameter, retry);
        var reason = $"Retry attempt {retry} of {options.Attempts}: {failure}";
        context.CandidateState = new ScheduledState(delay)
        {
            Reason = fromRetryAfter ? $"{reason}, {DescribeWait(delay, retryAfter!.Value)}" : reason,
        };
    }

    /// <summary>Whether a webhook job that failed with <paramref name="exception"/> is retried (when retries are left).</summary>
    /// <param name="exception">The failure, as Hangfire's Failed state holds it.</param>
    /// <returns>
    /// <see langword="true"/> for failures that may pass: 5xx, 408, 429, timeouts, network errors and every exception
    /// not refused below (<see cref="InvalidOperationException"/> included); <see langword="false"/> for other statuses,
    /// <see cref="ArgumentException"/>, a missing secret and a response over the cap.
    /// </returns>
    public static bool IsRetryable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Unwrap(exception) switch
        {
            WebhookFailedException failed => failed.StatusCode is >= 500 and <= 599 or 408 or 429,
            WebhookResponseTooLargeException => false,
            WebhookSecretNotFoundException => false,
            TimeoutException or HttpRequestException or IOException => true,
            ArgumentException => false,
            _ => true,
        };
    }

    /// <summary>Makes an idempotency key: a new GUID as 32 hexadecimal digits.</summary>
    internal static string NewIdempotencyKey() => Guid.NewGuid().ToString("N");

    // Hangfire hands the job's own exception to the Failed state; the wrappers are peeled off in case a
    // performer or filter wraps it.
    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case JobPerformanceException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return exception;
            }
        }
    }

    private static string DescribeWait(TimeSpan delay, TimeSpan retryAfter) => delay < retryAfter
        ? $"waiting {Seconds(delay)} s (WebhookRetryOptions.MaxRetryAfter) where Retry-After asked for {Seconds(retryAfter)} s"
        : $"waiting {Seconds(delay)} s as Retry-After asked";

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Describe(Exception exception) => exception switch
    {
        WebhookFailedException failed => "status " + failed.StatusCode.ToString(CultureInfo.InvariantCulture),
        WebhookResponseTooLargeException tooLarge => "a response over the cap with status " + tooLarge.StatusCode.ToString(CultureInfo.InvariantCulture),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
