using System.Collections.Generic;

namespace WebhookTasks.Hangfire.Tests;

// The host is never reached: every client in these tests points tasks at a receiver with its origin override.

[WebhookTask("post-order",
    Url = "http://orders.example.invalid/orders/{inputs.path}?source=hangfire",
    Data = """{ "id": "{inputs.id}", "note": "{inputs.note}", "tags": "{inputs.tags}" }""",
    ShowUrl = true,
    ShowData = true)]
[Header("X-Source", "tests")]
public partial class PostOrder
{
    public string Path { get; set; } = "a";

    public int Id { get; set; }

    public string Note { get; set; } = "";

    public List<string> Tags { get; set; } = new();
}

[WebhookTask("slow-ping", Url = "http://slow.example.invalid/ping", TimeoutSeconds = 1)]
public partial class SlowPing
{
}

[WebhookTask("secret-post",
    Url = "http://secret.example.invalid/hooks/{secrets.token}?sig={secrets.token}",
    Data = """{ "auth": "{secrets.token}", "n": "{inputs.n}", "label": "{inputs.label}" }""",
    ShowUrl = true,
    ShowData = true)]
[Header("Authorization", "Bearer {secrets.token}")]
[Secret("token")]
public partial class SecretPost
{
    public int N { get; set; }

    public string Label { get; set; } = "";
}
