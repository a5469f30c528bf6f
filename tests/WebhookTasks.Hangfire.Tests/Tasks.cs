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

public enum Shade
{
    Light,
    DarkBlue,
}

public sealed record Place(string Street, string City);

// Inputs whose values System.Text.Json writes but Newtonsoft.Json would not carry unchanged.
[WebhookTask("json-values",
    Url = "http://values.example.invalid/values/{inputs.name}",
    Data = """{ "payload": "{inputs.payload}", "dict": "{inputs.dict}", "element": "{inputs.element}", "node": "{inputs.node}" }""",
    ShowData = true)]
public partial class JsonValues
{
    public string Name { get; init; } = "v";

    public object? Payload { get; init; }

    public Dictionary<string, object>? Dict { get; init; }

    public System.Text.Json.JsonElement? Element { get; init; }

    public System.Text.Json.Nodes.JsonObject? Node { get; init; }
}

// Typed inputs: required and init-only properties, a date with an offset, an enum, a collection and a nested record.
[WebhookTask("typed-values",
    Url = "http://values.example.invalid/typed/{inputs.id}?when={inputs.when}&shade={inputs.shade}",
    Data = """{ "id": "{inputs.id}", "when": "{inputs.when}", "at": "at {inputs.when:O}", "shade": "{inputs.shade}", "tags": "{inputs.tags}", "place": "{inputs.place}", "city": "{inputs.place.City}" }""",
    ShowData = true)]
public partial class TypedValues
{
    public required string Id { get; init; }

    public System.DateTimeOffset When { get; init; }

    public Shade Shade { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public Place? Place { get; init; }
}

// Its whole URL comes from a secret, so that even the shared default client (environment secrets, no origin
// override) sends it to a test's receiver.
[WebhookTask("default-client-ping", Url = "{secrets.hangfire_tests_default_url}")]
[Secret("hangfire_tests_default_url")]
public partial class DefaultClientPing
{
    public int N { get; set; }
}
