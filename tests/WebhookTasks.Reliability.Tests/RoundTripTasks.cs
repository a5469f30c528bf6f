using System.Collections.Generic;
using WebhookTasks;

namespace WebhookTasks.Reliability.Tests;

// Tasks compiled by the real generator at build time, as a user's build compiles them.
// Their origin is replaced by the receiver's through WebhookClientOptions.Origin.

/// <summary>String, int and list inputs in path segments, query values and inside longer query text.</summary>
[WebhookTask("rt-url",
    Url = "http://example.invalid/a/{inputs.first}/b/{inputs.second}-x"
        + "?q={inputs.text}&n={inputs.number}&tag={inputs.tags}&mix=pre-{inputs.text}-post",
    Method = WebhookMethod.Get)]
public partial class UrlRoundTripTask
{
    public string First { get; init; } = "";

    public string Second { get; init; } = "";

    public string Text { get; init; } = "";

    public int Number { get; init; }

    public List<string> Tags { get; init; } = new();
}

/// <summary>The same kinds of inputs in a JSON body: whole values, text inside strings, a key, an array.</summary>
[WebhookTask("rt-body",
    Url = "http://example.invalid/post/{inputs.first}",
    Data = """
        {
          "text": "{inputs.text}",
          "n": "{inputs.number}",
          "tags": "{inputs.tags}",
          "numbers": "{inputs.numbers}",
          "greeting": "hi {inputs.text} #{inputs.number}",
          "nested": { "list": ["{inputs.text}", 1, true, null, "{{lit}}"] },
          "{inputs.key}": "k"
        }
        """)]
public partial class BodyRoundTripTask
{
    public string First { get; init; } = "";

    public string Text { get; init; } = "";

    public int Number { get; init; }

    public List<string> Tags { get; init; } = new();

    public int[] Numbers { get; init; } = [];

    public string Key { get; init; } = "";
}

/// <summary>GET with <c>Data</c>: its members go to the query, a list repeating its key.</summary>
[WebhookTask("rt-get-data",
    Url = "http://example.invalid/search",
    Method = WebhookMethod.Get,
    Data = """{ "text": "{inputs.text}", "n": "{inputs.number}", "tag": "{inputs.tags}", "says": "say {inputs.text}" }""")]
public partial class GetDataRoundTripTask
{
    public string Text { get; init; } = "";

    public int Number { get; init; }

    public List<string> Tags { get; init; } = new();
}

/// <summary>The task of the load test: the path says how the fault server answers; a one-second timeout.</summary>
[WebhookTask("load", Url = "http://example.invalid/{inputs.kind}/{inputs.call}", Data = """{ "call": "{inputs.call}" }""", TimeoutSeconds = 1)]
public partial class LoadTask
{
    public string Kind { get; init; } = "";

    public int Call { get; init; }
}

/// <summary>A path segment that is a value followed by literal text, before another segment.</summary>
[WebhookTask("rt-segment-suffix", Url = "http://example.invalid/{inputs.v}./end", Method = WebhookMethod.Get)]
public partial class SegmentSuffixTask
{
    public string V { get; init; } = "";
}
