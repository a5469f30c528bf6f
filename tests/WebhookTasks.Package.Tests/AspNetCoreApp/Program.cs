using WebhookTasks;

var builder = WebApplication.CreateBuilder(args);

// WebhookClient as a typed client of IHttpClientFactory, options from the "WebhookTasks" section (checked at
// start-up), secrets from "WebhookTasks:Secrets", and Polly's standard pipeline around every call.
builder.Services.AddWebhookTasks()
    .AddStandardResilienceHandler();

var app = builder.Build();

app.MapPost("/deploys/{service}", async (string service, WebhookClient webhooks, CancellationToken cancellationToken) =>
{
    var result = await NotifyDeploy.InvokeAsync(service: service, client: webhooks, cancellationToken: cancellationToken);
    return Results.Ok(new { notified = result.StatusCode });
});

app.Run();

[WebhookTask("notify-deploy", Url = "{secrets.slack_url}", Data = """{ "text": "Deployed {inputs.service}" }""")]
[Secret("slack_url")]
public partial class NotifyDeploy
{
    public string Service { get; init; } = "";
}
