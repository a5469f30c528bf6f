using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Refit;
using WebhookTasks;

namespace WebhookTasks.Benchmarks;

// The three request shapes, declared once for each implementation so that all three send the same bytes.

/// <summary>GET with a path placeholder and two query values.</summary>
[WebhookTask("get-item", Url = "https://api.example.com/items/{inputs.id}?a={inputs.a}&b={inputs.b}", Method = WebhookMethod.Get)]
public partial class GetItem
{
    public string Id { get; init; } = "";
    public string A { get; init; } = "";
    public string B { get; init; } = "";
}

/// <summary>POST with a three-field JSON body.</summary>
[WebhookTask("post-small", Url = "https://api.example.com/hooks", Data = """{ "text": "{inputs.text}", "count": "{inputs.count}", "ok": "{inputs.ok}" }""")]
public partial class PostSmall
{
    public string Text { get; init; } = "";
    public int Count { get; init; }
    public bool Ok { get; init; }
}

/// <summary>POST with a twenty-field body, nested values included.</summary>
[WebhookTask("post-large", Url = "https://api.example.com/events", Data = """
    {
      "f1": "{inputs.s1}", "f2": "{inputs.s2}", "f3": "{inputs.s3}", "f4": "{inputs.s4}", "f5": "{inputs.s5}",
      "f6": "{inputs.n1}", "f7": "{inputs.n2}", "f8": "{inputs.n3}", "f9": "{inputs.n4}", "f10": "{inputs.n5}",
      "f11": "{inputs.b1}", "f12": "{inputs.b2}", "f13": "{inputs.tags}", "f14": "{inputs.when}",
      "user": { "name": "{inputs.s1}", "id": "{inputs.n1}", "admin": "{inputs.b1}" },
      "meta": { "source": "bench", "level": "{inputs.n2}", "note": "from {inputs.s2}" }
    }
    """)]
public partial class PostLarge
{
    public string S1 { get; init; } = "";
    public string S2 { get; init; } = "";
    public string S3 { get; init; } = "";
    public string S4 { get; init; } = "";
    public string S5 { get; init; } = "";
    public int N1 { get; init; }
    public int N2 { get; init; }
    public int N3 { get; init; }
    public int N4 { get; init; }
    public int N5 { get; init; }
    public bool B1 { get; init; }
    public bool B2 { get; init; }
    public string[] Tags { get; init; } = Array.Empty<string>();
    public DateTimeOffset When { get; init; }
}

/// <summary>The same three calls as a Refit interface.</summary>
public interface IRefitHooks
{
    [Get("/items/{id}")]
    Task<string> GetItem(string id, [Query] string a, [Query] string b);

    [Post("/hooks")]
    Task<string> PostSmall([Body] SmallBody body);

    [Post("/events")]
    Task<string> PostLarge([Body] LargeBody body);
}

public sealed record SmallBody(string text, int count, bool ok);

public sealed record LargeUser(string name, int id, bool admin);

public sealed record LargeMeta(string source, int level, string note);

public sealed record LargeBody(
    string f1, string f2, string f3, string f4, string f5,
    int f6, int f7, int f8, int f9, int f10,
    bool f11, bool f12, IReadOnlyList<string> f13, string f14,
    LargeUser user, LargeMeta meta);
