using System;
using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WebhookTasks;

/// <summary>
/// Sends rendered webhook requests: an <see cref="System.Net.Http.HttpClient"/> plus the
/// <see cref="WebhookClientOptions"/> (origin override, secrets, JSON options, response cap).
/// Thread-safe; share one instance. Each invocation is logged, traced and counted in one place
/// (see <see cref="WebhookTelemetry"/>); with dependency injection, <c>services.AddWebhookTasks()</c>
/// registers it as a typed client of <see cref="System.Net.Http.IHttpClientFactory"/>.
/// </summary>
public sealed class WebhookClient
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private static readonly Lazy<WebhookClient> SharedDefault = new(() => new WebhookClient(CreateDefaultHttpClient()));

    private readonly ILogger _logger;
    private readonly WebhookInstruments _instruments;

    /// <summary>Creates a client over an existing <see cref="System.Net.Http.HttpClient"/>.</summary>
    /// <param name="httpClient">The transport. Its redirect setting is its own: the shared default does not follow redirects.</param>
    /// <param name="options">The settings; the defaults when <see langword="null"/>.</param>
    public WebhookClient(HttpClient httpClient, WebhookClientOptions? options = null)
        : this(httpClient, options, null, WebhookInstruments.Shared)
    {
    }

    /// <summary>
    /// Creates a client that logs to <paramref name="logger"/> and records its metrics on a meter from
    /// <paramref name="meterFactory"/>. <c>services.AddWebhookTasks()</c> builds clients this way.
    /// </summary>
    /// <param name="httpClient">The transport.</param>
    /// <param name="options">The settings; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where each invocation is logged (event ids 1 to 3); nothing is logged when <see langword="null"/>.</param>
    /// <param name="meterFactory">
    /// Makes the <c>WebhookTasks</c> meter; the process-wide meter of that name when <see langword="null"/>.
    /// A client made with a factory creates its instruments once: share it.
    /// </param>
    public WebhookClient(HttpClient httpClient, WebhookClientOptions? options, ILogger? logger, IMeterFactory? meterFactory = null)
        : this(httpClient, options, logger, WebhookInstruments.Create(meterFactory))
    {
    }

    internal WebhookClient(HttpClient httpClient, WebhookClientOptions? options, ILogger? logger, WebhookInstruments instruments)
    {
        HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? new WebhookClientOptions();
        _logger = logger ?? NullLogger.Instance;
        _instruments = instruments;
    }

    /// <summary>
    /// The shared client used when a task is invoked without one: one pooled
    /// <see cref="System.Net.Http.HttpClient"/> that does not follow redirects and sends header values as UTF-8.
    /// </summary>
    public static WebhookClient Default => SharedDefault.Value;

    /// <summary>The transport.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The settings.</summary>
    public WebhookClientOptions Options { get; }

    /// <summary>
    /// Creates the kind of <see cref="System.Net.Http.HttpClient"/> that <see cref="Default"/> uses: no redirects,
    /// connections recycled every two minutes (so DNS changes are seen), UTF-8 header values, no client-wide timeout
    /// (each task has its own).
    /// </summary>
    public static HttpClient CreateDefaultHttpClient() => new(CreateDefaultHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The handler behind <see cref="CreateDefaultHttpClient"/>, for callers that build their own pipeline.</summary>
    public static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
    };

    /// <summary>Renders a task with this client and sends it.</summary>
    /// <param name="task">The task, with its input values set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result of a call answered with a 2xx status.</returns>
    /// <exception cref="ArgumentException">An input value is refused; nothing was sent.</exception>
    /// <exception cref="WebhookSecretNotFoundException">A declared secret could not be resolved; nothing was sent.</exception>
    /// <exception cref="WebhookFailedException">The receiver answered with a status outside 2xx.</exception>
    /// <exception cref="WebhookResponseTooLargeException">The response was longer than <see cref="WebhookClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="TimeoutException">The call took longer than the task's timeout.</exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    public Task<WebhookResult> SendAsync(IWebhookTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return SendObservedAsync(task.Descriptor, task, null, cancellationToken);
    }

    /// <summary>Sends a rendered request.</summary>
    /// <param name="request">A request from a task's <c>Render</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result of a call answered with a 2xx status.</returns>
    /// <exception cref="WebhookFailedException">The receiver answered with a status outside 2xx.</exception>
    /// <exception cref="WebhookResponseTooLargeException">The response was longer than <see cref="WebhookClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="TimeoutException">The call took longer than the task's timeout.</exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled.</exception>
    public Task<WebhookResult> SendAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendObservedAsync(request.Task, null, request, cancellationToken);
    }

    /// <summary>
    /// One invocation, observed in one place: a span, the log entries and the metrics around rendering
    /// (when given a task) and sending.
    /// </summary>
    private async Task<WebhookResult> SendObservedAsync(
        WebhookTaskDescriptor task, IWebhookTask? source, WebhookRequest? request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = WebhookTelemetry.ActivitySource.HasListeners()
            ? WebhookTelemetry.ActivitySource.StartActivity(task.ActivityName, ActivityKind.Internal)
            : null;
        activity?.SetTag(WebhookTelemetry.TaskTag, task.Name);
        activity?.SetTag(WebhookTelemetry.MethodTag, task.Method);
        WebhookLog.Sending(_logger, task.Name, task.Method);

        var sending = false;
        try
        {
            if (request is null)
            {
                request = source!.Render(this);
            }

            cancellationToken.ThrowIfCancellationRequested();
            sending = true;
            var result = await SendRenderedAsync(request, cancellationToken).ConfigureAwait(false);

            var elapsed = Stopwatch.GetElapsedTime(started);
            activity?.SetTag(WebhookTelemetry.OutcomeTag, WebhookOutcome.Success);
            activity?.SetTag(WebhookTelemetry.StatusCodeTag, result.StatusCode);
            _instruments.Record(task.Name, WebhookOutcome.Success, elapsed.TotalSeconds);
            WebhookLog.Succeeded(_logger, task.Name, task.Method, result.StatusCode, elapsed.TotalMilliseconds);
            return result;
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var (outcome, status, errorType) = Classify(exception, sending);
            if (activity is not null)
            {
                activity.SetTag(WebhookTelemetry.OutcomeTag, outcome);
                activity.SetTag(WebhookTelemetry.StatusCodeTag, status);
                activity.SetTag(WebhookTelemetry.ErrorTypeTag, errorType);

                // The outcome, not the exception's message: a message may quote the response.
                activity.SetStatus(outcome == WebhookOutcome.Cancelled ? ActivityStatusCode.Unset : ActivityStatusCode.Error, outcome);
            }

            _instruments.Record(task.Name, outcome, elapsed.TotalSeconds);
            var level = outcome == WebhookOutcome.Cancelled ? LogLevel.Information : LogLevel.Warning;
            WebhookLog.Failed(_logger, level, task.Name, task.Method, outcome, status, errorType, elapsed.TotalMilliseconds);
            throw;
        }
    }

    private static (string Outcome, int? Status, string ErrorType) Classify(Exception exception, bool sending) => exception switch
    {
        WebhookFailedException failed =>
            (WebhookOutcome.HttpError, failed.StatusCode, failed.StatusCode.ToString(CultureInfo.InvariantCulture)),
        WebhookResponseTooLargeException tooLarge => (WebhookOutcome.ResponseTooLarge, tooLarge.StatusCode, TypeName(exception)),
        OperationCanceledException => (WebhookOutcome.Cancelled, null, TypeName(exception)),
        TimeoutException => (WebhookOutcome.Timeout, null, TypeName(exception)),
        _ when !sending => (WebhookOutcome.NotSent, null, TypeName(exception)),
        _ => (WebhookOutcome.Error, null, TypeName(exception)),
    };

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    // Private and awaited once, so ValueTask: a call that completes synchronously (an in-memory handler, a
    // response already buffered) allocates no Task per layer.
    private async ValueTask<WebhookResult> SendRenderedAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var task = request.Task;
        var timeout = task.Timeout ?? Options.DefaultTaskTimeout;
        using var message = CreateMessage(request);
        var timeoutSource = TimeoutSource.Rent();
        var callerRegistration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeoutSource)
            : default;
        var completed = false;
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = await ReadCappedAsync(response, task.Name, status, timeoutSource.Token).ConfigureAwait(false);
            completed = true;
            if (status is < 200 or > 299)
            {
                throw new WebhookFailedException(task.Name, status, request.Mask(text), RetryAfter(response));
            }

            // A receiver may echo what it got; a result is shown and logged, so secrets are masked in it too.
            return new WebhookResult(
                task.Name,
                status,
                request.Mask(text),
                task.ShowUrl ? request.ShownUrl : null,
                task.ShowData ? request.ShownInputData : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The call to webhook '{task.Name}' was cancelled.", cancellationToken);
        }
        catch (OperationCanceledException exception) when (timeoutSource.IsCancellationRequested || exception.InnerException is TimeoutException)
        {
            throw new TimeoutException($"Webhook '{task.Name}' did not answer within {timeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            // Here the response is disposed, so nothing that was handed the token still holds it.
            callerRegistration.Dispose();
            TimeoutSource.Release(timeoutSource, reusable: completed);
        }
    }

    /// <summary>
    /// The wait a failed response asks for in its <c>Retry-After</c> header: its seconds, or its date less the
    /// response's <c>Date</c> (else now), never below zero; <see langword="null"/> when missing or unreadable.
    /// Read only on the failure path.
    /// </summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static HttpRequestMessage CreateMessage(WebhookRequest request)
    {
        var message = new HttpRequestMessage(Method(request.Method), request.Url);
        if (request.HasBody)
        {
            var content = new ReadOnlyMemoryContent(request.BodyUtf8);

            // As text, not a MediaTypeHeaderValue: the same header on the wire without building the parsed form
            // (and its parameter list) for every request; it is parsed only if someone reads ContentType.
            content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
            message.Content = content;
        }

        foreach (var header in request.Headers)
        {
            if (message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                continue;
            }

            // Content headers (Content-Type, Content-Language, ...) live on the content. A request without
            // a body gets an empty one so that a declared header is still sent rather than dropped.
            message.Content ??= new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
            message.Content.Headers.Remove(header.Key);
            message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }

    private static HttpMethod Method(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        _ => new HttpMethod(method),
    };

    private async ValueTask<string> ReadCappedAsync(HttpResponseMessage response, string taskName, int status, CancellationToken cancellationToken)
    {
        var cap = Options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > cap)
        {
            throw new WebhookResponseTooLargeException(taskName, status, cap);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var total = 0;
                while (true)
                {
                    if (total == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap + 1));
                        buffer.AsSpan(0, total).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(total, (int)Math.Min(buffer.Length - total, cap + 1 - total)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return Encoding.UTF8.GetString(buffer, 0, total);
                    }

                    total += read;
                    if (total > cap)
                    {
                        throw new WebhookResponseTooLargeException(taskName, status, cap);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// The source behind each call's timeout (and the caller's token, registered on it), kept per thread for
    /// reuse: a new source and its timer cost more than the rest of the call's bookkeeping. Only the source of
    /// a call that read its response goes back, once the call has let go of the token, and only if it was never
    /// cancelled (TryReset refuses any other); every other source is disposed.
    /// </summary>
    private static class TimeoutSource
    {
        [ThreadStatic]
        private static CancellationTokenSource? t_free;

        public static CancellationTokenSource Rent()
        {
            var source = t_free;
            t_free = null;
            return source ?? new CancellationTokenSource();
        }

        public static void Release(CancellationTokenSource source, bool reusable)
        {
            if (reusable && t_free is null && source.TryReset())
            {
                t_free = source;
            }
            else
            {
                source.Dispose();
            }
        }
    }
}
