using System;
using System.Runtime.Serialization;
using WebhookTasks;

namespace WebhookTasks.Tests;

public enum Level
{
    Info,

    [EnumMember(Value = "warn ing")]
    Warning,
}

[WebhookTask("scalars",
    Url = "http://example.invalid/scalars/{inputs.level}?level={inputs.level}&id={inputs.id}",
    Data = """{ "level": "{inputs.level}", "text": "level {inputs.level}", "id": "{inputs.id}", "maybe": "{inputs.maybe}", "at": "{inputs.at}", "link": "{inputs.link}", "ratio": "{inputs.ratio}", "letter": "{inputs.letter}" }""")]
public partial class ScalarTask
{
    public Level Level { get; init; }

    public Guid Id { get; init; }

    public int? Maybe { get; init; }

    public DateTimeOffset At { get; init; }

    public Uri? Link { get; init; }

    public double Ratio { get; init; }

    public char Letter { get; init; }
}

[WebhookTask("whole-url", Url = "{inputs.target}", ShowUrl = true)]
public partial class WholeUrlTask
{
    public string? Target { get; init; }
}

[WebhookTask("host-value", Url = "http://{inputs.tenant}.example.invalid:8080/hook", Method = WebhookMethod.Get)]
public partial class HostValueTask
{
    public string? Tenant { get; init; }
}

[WebhookTask("literal-query",
    Url = "http://example.invalid/list?page=1&sort=name%20asc",
    Method = WebhookMethod.Get,
    Data = """{ "q": "{inputs.q}" }""",
    ShowUrl = true,
    ShowData = true)]
public partial class LiteralQueryTask
{
    public string Q { get; init; } = "";
}

[WebhookTask("secret-data", Url = "http://example.invalid/secret-data", Data = """{ "key": "{secrets.api_key}", "text": "key={secrets.api_key}" }""", ShowData = true)]
[Secret("api_key")]
public partial class SecretDataTask
{
}

[WebhookTask("get-braces", Url = "http://example.invalid/b", Method = WebhookMethod.Get, Data = """{ "{{k}}": "{{v}} {inputs.v}" }""", ShowData = true)]
public partial class GetBracesTask
{
    public string V { get; init; } = "";
}

[WebhookTask("secret-url", Url = "{secrets.hook_url}", Data = """{ "text": "{inputs.s}" }""", ShowUrl = true)]
[Secret("hook_url")]
public partial class SecretUrlTask
{
    public string S { get; init; } = "";
}

// Secrets in every place a template allows, for the redaction tests. WHT0020 warns, rightly, that a secret in a
// query string or a shown URL is risky; these tasks do it on purpose to prove the masking holds anyway.
#pragma warning disable WHT0020
[WebhookTask("secret-everywhere",
    Url = "https://api.example.invalid/hooks/{secrets.token}/{inputs.id}?key={secrets.token}",
    Data = """{ "auth": "{secrets.token}", "note": "token={secrets.token};", "id": "{inputs.id}" }""",
    ShowData = true,
    ShowUrl = true)]
[Header("Authorization", "Bearer {secrets.token}")]
[Secret("token")]
public partial class SecretEverywhereTask
{
    public string Id { get; init; } = "";
}

[WebhookTask("secret-everywhere-get",
    Url = "https://api.example.invalid/hooks/{secrets.token}",
    Method = WebhookMethod.Get,
    Data = """{ "key": "{secrets.token}", "id": "{inputs.id}" }""",
    ShowData = true,
    ShowUrl = true)]
[Secret("token")]
public partial class SecretEverywhereGetTask
{
    public string Id { get; init; } = "";
}
#pragma warning restore WHT0020
