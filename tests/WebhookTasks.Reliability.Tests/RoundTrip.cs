using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace WebhookTasks.Reliability.Tests;

/// <summary>Random values for the round-trip tasks, what they must come back as, and the decoding of what was sent.</summary>
internal static class RoundTrip
{
    public static readonly Gen<List<string>> Tags = Gens.Value.List[0, 4];

    public static readonly Gen<UrlRoundTripTask> UrlTasks = UrlTasksWith(Gens.Value);

    public static readonly Gen<BodyRoundTripTask> BodyTasks = BodyTasksWith(Gens.Value);

    /// <summary>Tasks whose path values have no NUL, which Kestrel (rightly) answers with 400 in a path.</summary>
    public static readonly Gen<UrlRoundTripTask> UrlTasksForServers = UrlTasksWith(Gens.ValueWithoutNul);

    /// <summary>Tasks whose path value has no NUL.</summary>
    public static readonly Gen<BodyRoundTripTask> BodyTasksForServers = BodyTasksWith(Gens.ValueWithoutNul);

    private static Gen<UrlRoundTripTask> UrlTasksWith(Gen<string> pathValue) =>
        Gen.Select(pathValue, pathValue, Gens.Value, Gen.Int, Tags, (first, second, text, number, tags) =>
            new UrlRoundTripTask { First = first, Second = second, Text = text, Number = number, Tags = tags });

    private static Gen<BodyRoundTripTask> BodyTasksWith(Gen<string> pathValue) =>
        Gen.Select(pathValue, Gens.Value, Gen.Int, Tags, Gen.Int.Array[0, 4], Gens.Value, (first, text, number, tags, numbers, key) =>
            new BodyRoundTripTask { First = first, Text = text, Number = number, Tags = tags, Numbers = numbers, Key = key });

    public static readonly Gen<GetDataRoundTripTask> GetDataTasks =
        Gen.Select(Gens.Value, Gen.Int, Tags, (text, number, tags) =>
            new GetDataRoundTripTask { Text = text, Number = number, Tags = tags });

    /// <summary>Whether a value, once sent, is a path segment the client must refuse (<c>.</c> or <c>..</c>).</summary>
    public static bool IsDotSegment(string value) => Gens.AsSent(value) is "." or "..";

    /// <summary>The request target of an absolute URL: everything from the path on.</summary>
    public static string TargetOf(string url)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var path = url.IndexOf('/', authority);
        return path < 0 ? "/" : url.Substring(path);
    }

    /// <summary>Decodes a request target into its path segments and its query parameters, in order.</summary>
    /// <param name="target">The request target.</param>
    /// <param name="templateHasPlus">Whether the template itself has a literal <c>+</c>, which is sent as written.</param>
    public static (string[] Segments, List<KeyValuePair<string, string>> Query) Decode(string target, bool templateHasPlus = false)
    {
        // What was sent must be plain ASCII with nothing a value could have smuggled in unencoded
        // (a raw '+' in a query would read as a space to many servers).
        foreach (var c in target)
        {
            if (c > 126 || c < 33 || c is '#' or ' ' or '"' || (c == '+' && !templateHasPlus))
            {
                throw new Xunit.Sdk.XunitException($"the request target has '{c}' (U+{(int)c:X4}) unencoded: {target}");
            }
        }

        var parts = target.Split('?', 2);
        var segments = parts[0].Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = new List<KeyValuePair<string, string>>();
        if (parts.Length == 2 && parts[1].Length > 0)
        {
            foreach (var pair in parts[1].Split('&'))
            {
                var nameValue = pair.Split('=', 2);
                Assert.Equal(2, nameValue.Length);
                query.Add(new(Uri.UnescapeDataString(nameValue[0]), Uri.UnescapeDataString(nameValue[1])));
            }
        }

        return (segments, query);
    }

    public static void AssertUrl(UrlRoundTripTask task, string target)
    {
        var (segments, query) = Decode(target);
        Assert.Equal(new[] { "", "a", Gens.AsSent(task.First), "b", Gens.AsSent(task.Second) + "-x" }, segments);
        var expected = new List<KeyValuePair<string, string>>
        {
            new("q", Gens.AsSent(task.Text)),
            new("n", task.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        expected.AddRange(task.Tags.Select(tag => new KeyValuePair<string, string>("tag", Gens.AsSent(tag))));
        expected.Add(new("mix", "pre-" + Gens.AsSent(task.Text) + "-post"));
        Assert.Equal(expected, query);
    }

    public static void AssertGetData(GetDataRoundTripTask task, string target)
    {
        var (segments, query) = Decode(target);
        Assert.Equal(new[] { "", "search" }, segments);
        var expected = new List<KeyValuePair<string, string>>
        {
            new("text", Gens.AsSent(task.Text)),
            new("n", task.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        expected.AddRange(task.Tags.Select(tag => new KeyValuePair<string, string>("tag", Gens.AsSent(tag))));
        expected.Add(new("says", "say " + Gens.AsSent(task.Text)));
        Assert.Equal(expected, query);
    }

    public static void AssertBody(BodyRoundTripTask task, string target, ReadOnlyMemory<byte> body)
    {
        var (segments, query) = Decode(target);
        Assert.Equal(new[] { "", "post", Gens.AsSent(task.First) }, segments);
        Assert.Empty(query);

        // Parsing from bytes checks the UTF-8 as well as the JSON.
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = true });
        var members = document.RootElement.EnumerateObject().ToList();
        Assert.Equal(new[] { "text", "n", "tags", "numbers", "greeting", "nested", Gens.AsSent(task.Key) }, members.Select(m => m.Name));
        var text = Gens.AsSent(task.Text);
        Assert.Equal(text, members[0].Value.GetString());
        Assert.Equal(task.Number, members[1].Value.GetInt32());
        Assert.Equal(task.Tags.Select(Gens.AsSent), members[2].Value.EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(task.Numbers, members[3].Value.EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal($"hi {text} #{task.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}", members[4].Value.GetString());
        var list = members[5].Value.GetProperty("list").EnumerateArray().ToList();
        Assert.Equal(5, list.Count);
        Assert.Equal(text, list[0].GetString());
        Assert.Equal(1, list[1].GetInt32());
        Assert.Equal(JsonValueKind.True, list[2].ValueKind);
        Assert.Equal(JsonValueKind.Null, list[3].ValueKind);
        Assert.Equal("{lit}", list[4].GetString());
        Assert.Equal("k", members[6].Value.GetString());
    }

    /// <summary>The text a receiver answers with: the raw request target and the body, as it got them.</summary>
    public static string Echo(string target, byte[] body) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["target"] = target, ["body"] = Convert.ToBase64String(body) });

    public static (string Target, byte[] Body) ReadEcho(string response)
    {
        var echo = JsonSerializer.Deserialize<Dictionary<string, string>>(response)!;
        return (echo["target"], Convert.FromBase64String(echo["body"]));
    }

    public static string Show(object task) => task switch
    {
        UrlRoundTripTask t =>
            $"first={Escape(t.First)} second={Escape(t.Second)} text={Escape(t.Text)} number={t.Number} tags={Escape(t.Tags)}",
        BodyRoundTripTask t =>
            $"first={Escape(t.First)} text={Escape(t.Text)} number={t.Number} tags={Escape(t.Tags)} "
            + $"numbers=[{string.Join(",", t.Numbers)}] key={Escape(t.Key)}",
        GetDataRoundTripTask t => $"text={Escape(t.Text)} number={t.Number} tags={Escape(t.Tags)}",
        _ => task.ToString() ?? "",
    };

    private static string Escape(List<string> values) => "[" + string.Join(",", values.Select(Escape)) + "]";

    private static string Escape(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.Append('"').ToString();
    }
}
