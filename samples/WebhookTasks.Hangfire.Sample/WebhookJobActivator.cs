using System;
using Hangfire;

namespace WebhookTasks.Hangfire.Sample;

/// <summary>
/// Hangfire's job activator for a process without dependency injection: webhook jobs send with the given client
/// (here: the receiver's origin and the sample's secrets); any other job type is made as Hangfire makes it.
/// </summary>
internal sealed class WebhookJobActivator : JobActivator
{
    private readonly WebhookClient _client;

    public WebhookJobActivator(WebhookClient client)
    {
        _client = client;
    }

    public override object ActivateJob(Type jobType) =>
        jobType == typeof(WebhookJob) ? new WebhookJob(_client) : base.ActivateJob(jobType);
}
