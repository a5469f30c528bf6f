using System;
using System.Collections.Generic;
using WebhookTasks;

namespace WebhookTasks.Tests;

// The tasks the end-to-end tests send. They are compiled by the real generator at build time;
// every URL's origin is replaced by the receiver's through WebhookClientOptions.Origin.

public sealed class Customer
{
    public string? Name { get; init; }
}

public sealed class Order
{
    public int Id { get; init; }

    public Customer? Customer { get; init; }

    public decimal Total { get; init; }
}

[WebhookTask("path-value", Url = "http://example.invalid/items/{inputs.id}/end", Method = WebhookMethod.Get)]
public partial class PathValueTask
{
    public string? Id { get; init; }
}

[WebhookTask("url-query",
    Url = "http://example.invalid/search?a={inputs.x}&tag={inputs.tags}&opt={inputs.opt}&note=pre-{inputs.opt}",
    Method = WebhookMethod.Get)]
public partial class UrlQueryTask
{
    public string X { get; init; } = "";

    public string[]? Tags { get; init; }

    public string? Opt { get; init; }
}

[WebhookTask("json-values",
    Url = "http://example.invalid/json",
    Data = """{ "n": "{inputs.n}", "flag": "{inputs.flag}", "none": "{inputs.missing}", "list": "{inputs.list}", "order": "{inputs.order}" }""")]
public partial class JsonValuesTask
{
    public int N { get; init; }

    public bool Flag { get; init; }

    public string? Missing { get; init; }

    public int[]? List { get; init; }

    public Order? Order { get; init; }
}

[WebhookTask("json-text", Url = "http://example.invalid/text", Data = """{ "text": "Hello {inputs.s}", "whole": "{inputs.s}" }""")]
public partial class JsonTextTask
{
    public string S { get; init; } = "";
}

[WebhookTask("braces",
    Url = "http://example.invalid/braces/{inputs.v}?literal={{x}}",
    Data = """{ "text": "{{literal}} {inputs.v} }}", "{{key}}": "{{}}" }""")]
public partial class BracesTask
{
    public string V { get; init; } = "";
}

[WebhookTask("formats",
    Url = "http://example.invalid/amounts/{inputs.amount:F2}?day={inputs.when:yyyy/MM/dd}",
    Data = """{ "date": "{inputs.when:yyyy-MM-dd}", "slashed": "{inputs.when:yyyy/MM/dd}", "amount": "{inputs.amount:F2}", "raw": "{inputs.amount}", "text": "total {inputs.amount} at {inputs.when}" }""")]
public partial class FormatTask
{
    public DateTime When { get; init; }

    public decimal Amount { get; init; }
}

[WebhookTask("member-path",
    Url = "http://example.invalid/orders/{inputs.order.Id}",
    Data = """{ "name": "{inputs.order.Customer.Name}", "greeting": "Dear {inputs.order.Customer.Name}", "id": "{inputs.order.Id}" }""")]
public partial class MemberPathTask
{
    public Order? Order { get; init; }
}

[WebhookTask("member-path-segment", Url = "http://example.invalid/customers/{inputs.order.Customer.Name}", Method = WebhookMethod.Get)]
public partial class MemberPathSegmentTask
{
    public Order? Order { get; init; }
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

[WebhookTask("get-query-data",
    Url = "http://example.invalid/query",
    Method = WebhookMethod.Get,
    Data = """{ "n": "{inputs.n}", "flag": "{inputs.flag}", "tags": "{inputs.tags}", "none": "{inputs.none}", "text": "a&b {inputs.n}", "fixed": 5 }""",
    ShowData = true)]
public partial class GetQueryDataTask
{
    public int N { get; init; }

    public bool Flag { get; init; }

    public List<string>? Tags { get; init; }

    public string? None { get; init; }
}

[WebhookTask("post-data", Url = "http://example.invalid/things/{inputs.id}", Method = WebhookMethod.Post, Data = """{ "v": "{inputs.v}" }""")]
public partial class PostTask
{
    public int Id { get; init; }

    public string V { get; init; } = "";
}

[WebhookTask("put-data", Url = "http://example.invalid/things/{inputs.id}", Method = WebhookMethod.Put, Data = """{ "v": "{inputs.v}" }""")]
public partial class PutTask
{
    public int Id { get; init; }

    public string V { get; init; } = "";
}

[WebhookTask("patch-data", Url = "http://example.invalid/things/{inputs.id}", Method = WebhookMethod.Patch, Data = """{ "v": "{inputs.v}" }""")]
public partial class PatchTask
{
    public int Id { get; init; }

    public string V { get; init; } = "";
}

[WebhookTask("delete-data", Url = "http://example.invalid/things/{inputs.id}", Method = WebhookMethod.Delete, Data = """{ "v": "{inputs.v}" }""")]
public partial class DeleteTask
{
    public int Id { get; init; }

    public string V { get; init; } = "";
}

[WebhookTask("post-empty", Url = "http://example.invalid/empty")]
public partial class PostWithoutDataTask
{
}

[WebhookTask("headers", Url = "http://example.invalid/headers", Data = """{ "a": 1 }""")]
[Header("X-Order-First", "one")]
[Header("X-Order-Second", "{inputs.token}")]
[Header("X-Order-Third", "Bearer {inputs.token}")]
[Header("X-Optional", "{inputs.optional}")]
[Header("Content-Type", "application/vnd.example+json")]
public partial class HeaderTask
{
    public string Token { get; init; } = "";

    public string? Optional { get; init; }
}

[WebhookTask("status", Url = "http://example.invalid/status", Data = """{ "a": 1 }""", ShowData = true, ShowUrl = true)]
public partial class StatusTask
{
}

[WebhookTask("status-hidden", Url = "http://example.invalid/status", Data = """{ "a": 1 }""")]
public partial class HiddenStatusTask
{
}

[WebhookTask("slow", Url = "http://example.invalid/slow", TimeoutSeconds = 1)]
public partial class SlowTask
{
}

[WebhookTask("patient", Url = "http://example.invalid/slow")]
public partial class PatientTask
{
}

[WebhookTask("client-input", Url = "http://example.invalid/client/{inputs.client}", Data = """{ "token": "{inputs.cancellationToken}" }""")]
public partial class ClientInputTask
{
    public string Client { get; init; } = "";

    public string CancellationToken { get; init; } = "";
}

[WebhookTask("secret-header", Url = "http://example.invalid/secret", Data = """{ "text": "{inputs.s}" }""")]
[Header("Authorization", "Bearer {secrets.api_token}")]
[Secret("api_token")]
public partial class SecretHeaderTask
{
    public string S { get; init; } = "";
}
