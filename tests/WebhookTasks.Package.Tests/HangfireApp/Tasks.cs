using WebhookTasks;

// The task of the README's ASP.NET Core app, which its "Running at scale" Program.cs sends as jobs.
[WebhookTask("notify-deploy", Url = "{secrets.slack_url}", Data = """{ "text": "Deployed {inputs.service}" }""")]
[Secret("slack_url")]
public partial class NotifyDeploy
{
    public string Service { get; init; } = "";
}
