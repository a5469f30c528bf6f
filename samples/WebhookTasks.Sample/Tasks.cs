using WebhookTasks;

namespace WebhookTasks.Sample;

// The three tasks of flytekit's WebhookTask example, declared once and checked at compile time.

[WebhookTask("simple-get", Url = "http://localhost:8000/", Method = WebhookMethod.Get)]
[Header("Content-Type", "application/json")]
public partial class SimpleGet
{
}

[WebhookTask("get-with-params",
    Url = "http://localhost:8000/items/{inputs.item_id}",
    Method = WebhookMethod.Get,
    Data = """{ "q": "{inputs.s}" }""",
    ShowData = true,
    ShowUrl = true,
    Description = "Test Webhook Task")]
[Header("Content-Type", "application/json")]
public partial class GetWithParams
{
    public string S { get; init; } = "";

    [Input("item_id")]
    public int ItemId { get; init; }
}

// A Slack webhook URL is a credential, so it comes from a secret; results show it as its origin and "/***".
[WebhookTask("invoke-slack",
    Url = "{secrets.slack_url}",
    Data = """{ "text": "{inputs.s}" }""",
    ShowData = true,
    ShowUrl = true,
    Description = "Test Webhook Task")]
[Header("Content-Type", "application/json")]
[Secret("slack_url")]
public partial class InvokeSlack
{
    public string S { get; init; } = "";
}
