using WebhookTasks;

namespace WebhookTasks.Extensions.Tests;

// The tasks these tests send, compiled by the real generator. Their URLs point nowhere real: every test
// replaces the origin with a receiver's, through configuration or options.

[WebhookTask("notify", Url = "http://example.invalid/notes/{inputs.id}", Data = """{ "text": "{inputs.text}" }""")]
public partial class NotifyTask
{
    public int Id { get; init; }

    public string Text { get; init; } = "";
}

[WebhookTask("lookup", Url = "http://example.invalid/lookup", Method = WebhookMethod.Get, Data = """{ "q": "{inputs.q}" }""")]
public partial class LookupTask
{
    public string Q { get; init; } = "";
}

// A whole-URL secret, as a Slack incoming webhook is: the path and the query are the credential.
[WebhookTask("hook", Url = "{secrets.hook_url}", Data = """{ "text": "{inputs.text}" }""")]
[Secret("hook_url")]
public partial class HookTask
{
    public string Text { get; init; } = "";
}

[WebhookTask("quick", Url = "http://example.invalid/quick", TimeoutSeconds = 1)]
public partial class QuickTask
{
}

// Tasks with names of their own, so that tests reading the process-wide meter count only their own invocations.
[WebhookTask("metrics-counted", Url = "http://example.invalid/counted")]
public partial class CountedTask
{
}

[WebhookTask("metrics-timed", Url = "http://example.invalid/timed")]
public partial class TimedTask
{
}

[WebhookTask("metrics-timeout", Url = "http://example.invalid/timeout", TimeoutSeconds = 1)]
public partial class TimeoutCountedTask
{
}

[WebhookTask("metrics-cancelled", Url = "http://example.invalid/cancelled")]
public partial class CancelledCountedTask
{
}
