using System;
using WebhookTasks;

namespace WebhookTasks.Tests;

// Tasks for the date/time formatting, WithHeader-on-GET and echoed-secret tests.

[WebhookTask("dates-json",
    Url = "http://example.invalid/dates",
    Data = """{ "d": "{inputs.d}", "t": "{inputs.t}", "nd": "{inputs.nd}", "nt": "{inputs.nt}", "days": "{inputs.days}" }""")]
public partial class DatesJsonTask
{
    public DateOnly D { get; init; }

    public TimeOnly T { get; init; }

    public DateOnly? Nd { get; init; }

    public TimeOnly? Nt { get; init; }

    public DateOnly[]? Days { get; init; }
}

[WebhookTask("dates-text", Url = "http://example.invalid/dates", Data = """{ "text": "on {inputs.d} at {inputs.t} / {inputs.nd} {inputs.nt}" }""")]
public partial class DatesTextTask
{
    public DateOnly D { get; init; }

    public TimeOnly T { get; init; }

    public DateOnly? Nd { get; init; }

    public TimeOnly? Nt { get; init; }
}

[WebhookTask("dates-url",
    Url = "http://example.invalid/days/{inputs.d}/{inputs.t}/{inputs.nd}?d={inputs.d}&t={inputs.t}&nt={inputs.nt}&at={inputs.d}T{inputs.t}",
    Method = WebhookMethod.Get)]
public partial class DatesUrlTask
{
    public DateOnly D { get; init; }

    public TimeOnly T { get; init; }

    public DateOnly? Nd { get; init; }

    public TimeOnly? Nt { get; init; }
}

[WebhookTask("dates-get-data", Url = "http://example.invalid/days", Method = WebhookMethod.Get, Data = """{ "d": "{inputs.d}", "nt": "{inputs.nt}" }""")]
public partial class DatesGetDataTask
{
    public DateOnly D { get; init; }

    public TimeOnly? Nt { get; init; }
}

[WebhookTask("dates-headers", Url = "http://example.invalid/dates", Method = WebhookMethod.Get)]
[Header("X-Day", "{inputs.d}")]
[Header("X-Time", "{inputs.t}")]
[Header("X-Maybe-Day", "{inputs.nd}")]
[Header("X-Maybe-Time", "{inputs.nt}")]
[Header("X-At", "{inputs.d}T{inputs.t}")]
public partial class DatesHeaderTask
{
    public DateOnly D { get; init; }

    public TimeOnly T { get; init; }

    public DateOnly? Nd { get; init; }

    public TimeOnly? Nt { get; init; }
}

[WebhookTask("dates-explicit-format",
    Url = "http://example.invalid/days/{inputs.d:yyyy/MM/dd}?t={inputs.t:HH.mm}",
    Data = """{ "d": "{inputs.d:dd.MM.yyyy}", "nt": "{inputs.nt:h tt}" }""")]
[Header("X-Day", "{inputs.nd:yyyyMMdd}")]
public partial class DatesExplicitFormatTask
{
    public DateOnly D { get; init; }

    public TimeOnly T { get; init; }

    public DateOnly? Nd { get; init; }

    public TimeOnly? Nt { get; init; }
}

[WebhookTask("get-no-data", Url = "http://example.invalid/plain/{inputs.id}", Method = WebhookMethod.Get)]
public partial class PlainGetTask
{
    public string Id { get; init; } = "";
}

[WebhookTask("delete-no-data", Url = "http://example.invalid/plain/{inputs.id}", Method = WebhookMethod.Delete)]
public partial class PlainDeleteTask
{
    public string Id { get; init; } = "";
}

// A secret in the path and the query, shown in results (ShowUrl), for the echoed-secret tests; WHT0020 warns, rightly,
// against both, which is why masking must hold when a receiver echoes the URL back.
#pragma warning disable WHT0020
[WebhookTask("secret-in-path", Url = "http://example.invalid/hook/{secrets.token}/end?key={secrets.token}", Method = WebhookMethod.Get, ShowUrl = true)]
[Secret("token")]
public partial class SecretInPathTask
{
}
#pragma warning restore WHT0020
