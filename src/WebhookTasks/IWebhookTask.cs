using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks;

/// <summary>
/// A webhook task. The source generator implements it on every class marked with
/// <see cref="WebhookTaskAttribute"/>, so generic code such as a job runner can render and send
/// any task without reflection.
/// </summary>
public interface IWebhookTask
{
    /// <summary>The task's static description: name, method, templates, inputs and secrets.</summary>
    WebhookTaskDescriptor Descriptor { get; }

    /// <summary>Renders the request as it would be sent, without sending it.</summary>
    /// <param name="client">The client whose origin override, secrets and JSON options apply; the shared default when <see langword="null"/>.</param>
    /// <returns>The rendered request. Its <see cref="WebhookRequest.ToString"/> masks secrets.</returns>
    /// <exception cref="System.ArgumentException">An input value is refused (see the task's templates).</exception>
    WebhookRequest Render(WebhookClient? client = null);

    /// <summary>Renders the request from the current property values and sends it.</summary>
    /// <param name="client">The client to send with; the shared default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result of a call answered with a 2xx status.</returns>
    /// <exception cref="WebhookFailedException">The receiver answered with a status outside 2xx.</exception>
    /// <exception cref="System.TimeoutException">The call took longer than the task's timeout.</exception>
    Task<WebhookResult> InvokeAsync(WebhookClient? client = null, CancellationToken cancellationToken = default);
}
