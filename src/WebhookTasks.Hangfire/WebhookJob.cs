using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.Server;

namespace WebhookTasks.Hangfire;

/// <summary>
/// The job Hangfire runs for a webhook task: renders the task in the worker (so its secrets are resolved there and
/// never stored), adds the job's idempotency key as the <see cref="WebhookJobHeaders.IdempotencyKey"/> header and
/// sends it. Hangfire's job activator makes it: with dependency injection, from the registered
/// <see cref="WebhookClient"/> (<c>services.AddWebhookTasks()</c>) when there is one, else with
/// <see cref="WebhookClient.Default"/>; without dependency injection, with <see cref="WebhookClient.Default"/>.
/// </summary>
public sealed class WebhookJob
{
    private readonly WebhookClient _client;

    /// <summary>Creates a job that sends with <see cref="WebhookClient.Default"/>.</summary>
    public WebhookJob()
        : this(WebhookClient.Default)
    {
    }

    /// <summary>Creates a job that sends with <paramref name="client"/>: its origin override, secrets and options apply.</summary>
    /// <param name="client">The client, such as the one dependency injection registers.</param>
    public WebhookJob(WebhookClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>The client this job sends with.</summary>
    public WebhookClient Client => _client;

    /// <summary>
    /// Runs one attempt of a webhook job. Called by Hangfire; create jobs with the methods of
    /// <see cref="WebhookJobClientExtensions"/>. Hangfire's own automatic retry is off for this method: the
    /// <see cref="WebhookJobFilterAttribute"/> on it decides what is retried, and when.
    /// </summary>
    /// <typeparam name="TTask">The task's type, which the worker loads by name.</typeparam>
    /// <param name="taskName">The task's name; shown as the job's name in the dashboard.</param>
    /// <param name="inputs">
    /// The task's input properties as System.Text.Json text, as <see cref="WebhookJobClientExtensions"/> wrote them
    /// (Hangfire stores and shows the text); read back into a new <typeparamref name="TTask"/> here.
    /// </param>
    /// <param name="context">The running job, supplied by Hangfire (pass <see langword="null"/> when creating the job).</param>
    /// <param name="cancellationToken">Cancelled when the server shuts down, supplied by Hangfire (pass <see cref="CancellationToken.None"/>).</param>
    /// <returns>The result, which Hangfire stores on the job's Succeeded state.</returns>
    /// <exception cref="ArgumentException">An input value is refused, or the inputs are JSON null; nothing was sent.</exception>
    /// <exception cref="System.Text.Json.JsonException">The inputs do not fit <typeparamref name="TTask"/> (say, a required input is missing); nothing was sent.</exception>
    /// <exception cref="WebhookSecretNotFoundException">A declared secret could not be resolved; nothing was sent.</exception>
    /// <exception cref="WebhookFailedException">The receiver answered with a status outside 2xx.</exception>
    /// <exception cref="TimeoutException">The call took longer than the task's timeout.</exception>
    [JobDisplayName("webhook {0}")]
    [AutomaticRetry(Attempts = 0)]
    [WebhookJobFilter]
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public async Task<WebhookJobResult> RunAsync<TTask>(string taskName, WebhookTaskInputs<TTask> inputs, PerformContext? context, CancellationToken cancellationToken)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var task = inputs.ToTask();
        var key = context?.GetJobParameter<string>(WebhookJobHeaders.IdempotencyKeyParameter);
        if (string.IsNullOrEmpty(key))
        {
            // A job made without the filter (by hand, or before it existed): the key is stored before anything is sent,
            // so a retry sends the same one.
            key = WebhookJobFilterAttribute.NewIdempotencyKey();
            context?.SetJobParameter(WebhookJobHeaders.IdempotencyKeyParameter, key);
        }

        var attempt = (context?.GetJobParameter<int>(WebhookJobHeaders.RetryCountParameter) ?? 0) + 1;
        var request = task.Render(_client).WithHeader(WebhookJobHeaders.IdempotencyKey, key);
        var result = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return WebhookJobResult.From(result, key, attempt);
    }
}
