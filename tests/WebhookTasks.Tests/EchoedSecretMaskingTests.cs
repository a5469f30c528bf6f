using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace WebhookTasks.Tests;

/// <summary>
/// An ASP.NET Core receiver that echoes a secret it got in the URL writes it back re-encoded: as Kestrel
/// decoded the path (only <c>/</c> left as <c>%2F</c>), as <c>PathString</c> re-encodes it (<c>+</c> and
/// other sub-delims literal), form-encoded (space as <c>+</c>, upper- or lower-case hex), as
/// <c>QueryString</c> writes it, and inside JSON. None of these may reach a result, an exception or a log.
/// </summary>
public sealed class EchoedSecretMaskingTests
{
    // A space, '/', '+', '?' and non-ASCII text: every encoding writes this differently.
    private const string Secret = "S3 CR/ET+é?x";

    public static TheoryData<int> Statuses => new() { 200, 500 };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task A_secret_echoed_in_any_common_re_encoding_is_masked_everywhere(int status)
    {
        var echoes = new ConcurrentQueue<string>();
        await using var receiver = await Receiver.StartAsync(request =>
        {
            var echo = Echo(request);
            echoes.Enqueue(echo);
            return new Reply(status, echo);
        });
        var logs = new ListLogger();
        using var httpClient = WebhookClient.CreateDefaultHttpClient();
        var client = new WebhookClient(
            httpClient,
            new WebhookClientOptions { Origin = receiver.Origin, SecretProvider = new DictionarySecretProvider(new Dictionary<string, string> { ["token"] = Secret }) },
            logs);

        var texts = await CollectTextsAsync(new SecretInPathTask(), client);
        texts.AddRange(logs.Lines);

        var echoed = Assert.Single(echoes);
        var forms = EchoedForms(receiver.Single());
        foreach (var form in forms)
        {
            // The receiver really wrote each form; else this test could not fail.
            Assert.Contains(form, echoed, StringComparison.Ordinal);
        }

        Assert.Contains("S3%20CR%2FET+%C3%A9%3Fx", forms);
        foreach (var text in texts)
        {
            foreach (var form in forms)
            {
                Assert.False(text.Contains(form, StringComparison.Ordinal), $"The secret (as '{form}') shows in: {text}");
            }
        }
    }

    [Fact]
    public async Task An_echoed_secret_is_masked_where_it_stood_and_the_rest_of_the_response_is_kept()
    {
        await using var receiver = await Receiver.StartAsync(request => new Reply(200, Echo(request)));
        var client = receiver.Client(secrets: new DictionarySecretProvider(new Dictionary<string, string> { ["token"] = Secret }));

        var result = await new SecretInPathTask().InvokeAsync(client, TestContext.Current.CancellationToken);

        Assert.Equal(
            string.Join('\n',
                "raw-path=/hook/***/end",
                "raw-query=key=***",
                "decoded-path=/hook/***/end",
                "path-component=/hook/***/end",
                "query-value=***",
                "form=***",
                "form-lower=***",
                "form-content=key=***",
                "query-string=?key=***",
                """json={"path":"/hook/***/end","component":"/hook/***/end","query":"***","form":"***"}"""),
            result.ResponseData);
        Assert.Equal("http://127.0.0.1:" + receiver.Origin.Port + "/hook/***/end?key=***", result.Url);
    }

    // Every printable ASCII character, a two-byte, a three-byte and a four-byte UTF-8 character.
    private const string EveryCharacter = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~é€😀";

    public static TheoryData<string> Encoders => new()
    {
        "Uri.EscapeDataString",
        "PathString.ToUriComponent",
        "PathString.ToUriComponent of Kestrel's decoded path",
        "QueryString.Create",
        "UrlEncoder.Default",
        "WebUtility.UrlEncode",
        "HttpUtility.UrlEncode",
        "FormUrlEncodedContent",
        "JSON of PathString.ToUriComponent",
    };

    [Theory]
    [MemberData(nameof(Encoders))]
    public async Task A_secret_of_every_character_is_masked_as_each_encoder_writes_it(string encoder)
    {
        var echo = Encode(encoder, EveryCharacter);
        using var httpClient = new HttpClient(new EchoHandler(echo));
        var client = new WebhookClient(httpClient, new WebhookClientOptions
        {
            SecretProvider = new DictionarySecretProvider(new Dictionary<string, string> { ["token"] = EveryCharacter }),
        });

        var result = await new SecretInPathTask().InvokeAsync(client, TestContext.Current.CancellationToken);

        Assert.NotEqual(EveryCharacter, echo);
        Assert.Equal("[***]", result.ResponseData);
    }

    private static string Encode(string encoder, string value)
    {
        switch (encoder)
        {
            case "Uri.EscapeDataString":
                return Uri.EscapeDataString(value);
            case "PathString.ToUriComponent":
                return new PathString("/" + value).ToUriComponent()[1..];
            case "PathString.ToUriComponent of Kestrel's decoded path":
                return new PathString("/" + value.Replace("/", "%2F", StringComparison.Ordinal)).ToUriComponent()[1..];
            case "QueryString.Create":
                return QueryString.Create("k", value).ToUriComponent()["?k=".Length..];
            case "UrlEncoder.Default":
                return System.Text.Encodings.Web.UrlEncoder.Default.Encode(value);
            case "WebUtility.UrlEncode":
                return WebUtility.UrlEncode(value);
            case "HttpUtility.UrlEncode":
                return HttpUtility.UrlEncode(value);
            case "FormUrlEncodedContent":
                using (var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("k", value)]))
                {
                    return content.ReadAsStringAsync().GetAwaiter().GetResult()["k=".Length..];
                }

            case "JSON of PathString.ToUriComponent":
                return JsonEncodedText.Encode(new PathString("/" + value).ToUriComponent()[1..]).Value;
            default:
                throw new ArgumentOutOfRangeException(nameof(encoder), encoder, null);
        }
    }

    /// <summary>Answers every request with 200 and the given text in brackets.</summary>
    private sealed class EchoHandler(string echo) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[" + echo + "]") });
    }

    /// <summary>What a careless ASP.NET Core endpoint might write back: the URL it got, in several forms.</summary>
    private static string Echo(ReceivedRequest request)
    {
        var value = request.DecodedQuery["key"];
        var component = new PathString(request.DecodedPath).ToUriComponent();
        var form = WebUtility.UrlEncode(value);
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("key", value)]);
        return string.Join('\n',
            "raw-path=" + request.RawPath,
            "raw-query=" + request.RawQuery,
            "decoded-path=" + request.DecodedPath,
            "path-component=" + component,
            "query-value=" + value,
            "form=" + form,
            "form-lower=" + HttpUtility.UrlEncode(value),
            "form-content=" + content.ReadAsStringAsync().GetAwaiter().GetResult(),
            "query-string=" + QueryString.Create("key", value).ToUriComponent(),
            "json=" + JsonSerializer.Serialize(new { path = request.DecodedPath, component, query = value, form }));
    }

    /// <summary>The secret as each piece of the echo wrote it (the piece with the text around the secret cut off).</summary>
    private static List<string> EchoedForms(ReceivedRequest request)
    {
        var value = request.DecodedQuery["key"];
        Assert.Equal(Secret, value);
        var component = new PathString(request.DecodedPath).ToUriComponent();
        var decodedPath = Between(request.DecodedPath, "/hook/", "/end");
        var pathComponent = Between(component, "/hook/", "/end");
        var form = WebUtility.UrlEncode(value);
        var forms = new List<string>
        {
            Secret,
            Between(request.RawPath, "/hook/", "/end"),
            decodedPath,
            pathComponent,
            request.RawQuery["key=".Length..],
            form,
            HttpUtility.UrlEncode(value),
            QueryString.Create("key", value).ToUriComponent()["?key=".Length..],
        };

        // The JSON line, written with System.Text.Json's default encoder ('+' as \u002B, 'é' as \u00E9).
        forms.AddRange(new[] { decodedPath, pathComponent, value, form }.Select(text => JsonEncodedText.Encode(text).Value));
        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Between(string text, string before, string after)
    {
        var start = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        var end = text.IndexOf(after, start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static async Task<List<string>> CollectTextsAsync(IWebhookTask task, WebhookClient client)
    {
        var request = task.Render(client);
        var texts = new List<string> { request.ToString() };
        try
        {
            var result = await client.SendAsync(request, TestContext.Current.CancellationToken);
            texts.Add(result.ToJson());
            texts.Add(result.ToString());
            texts.Add(result.Url ?? "");
            texts.Add(result.ResponseData);
            texts.AddRange(result.ToDictionary().Select(pair => Convert.ToString(pair.Value) ?? ""));
        }
        catch (WebhookFailedException error)
        {
            texts.Add(error.Message);
            texts.Add(error.ResponseText);
            texts.Add(error.ToString());
        }

        return texts;
    }

    /// <summary>Keeps every formatted log message and logged exception.</summary>
    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _lines.Enqueue(formatter(state, exception) + " " + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var value in values)
                {
                    _lines.Enqueue(Convert.ToString(value.Value) ?? "");
                }
            }
        }
    }
}
