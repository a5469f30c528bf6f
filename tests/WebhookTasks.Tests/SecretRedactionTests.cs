using Xunit;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using WebhookTasks.Rendering;

namespace WebhookTasks.Tests;

/// <summary>
/// A secret's value goes on the wire and nowhere else: every text the product produces for a call
/// (results, request text, exception messages) is collected and searched for the value in its raw,
/// percent-encoded and JSON-escaped forms.
/// </summary>
public sealed class SecretRedactionTests
{
    // Characters that every encoding changes: '/', '+', '&', '"', '\', a space and non-ASCII text.
    private const string Token = "s3cr3t/+&\"\\ é-ünï";

    public static TheoryData<int> Statuses => new() { 200, 500 };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task No_text_produced_for_a_post_contains_the_secret(int status)
    {
        // The receiver echoes everything it got, as a careless or hostile endpoint might.
        await using var receiver = await Receiver.StartAsync(request => new Reply(status, request.RawTarget + " " + request.BodyText + " " + request.Header("Authorization")));
        var client = receiver.Client(secrets: Provider());
        var task = new SecretEverywhereTask { Id = "42" };

        var texts = await CollectTextsAsync(task, client);

        var received = receiver.Single();
        Assert.Contains(UrlEncoding.Encode(Token), received.RawTarget, StringComparison.Ordinal);
        Assert.Equal("Bearer " + Token, received.Header("Authorization"));
        Assert.Equal(Token, JsonDocument.Parse(received.Body).RootElement.GetProperty("auth").GetString());
        AssertNoSecret(texts);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task No_text_produced_for_a_get_with_data_in_the_query_contains_the_secret(int status)
    {
        await using var receiver = await Receiver.StartAsync(request => new Reply(status, request.RawTarget));
        var client = receiver.Client(secrets: Provider());

        var texts = await CollectTextsAsync(new SecretEverywhereGetTask { Id = "7" }, client);

        Assert.Contains("key=" + UrlEncoding.Encode(Token), receiver.Single().RawTarget, StringComparison.Ordinal);
        AssertNoSecret(texts);
    }

    [Fact]
    public async Task A_timeout_message_contains_neither_the_secret_nor_the_query()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "late") { Delay = TimeSpan.FromSeconds(5) });
        using var httpClient = WebhookClient.CreateDefaultHttpClient();
        var client = new WebhookClient(httpClient, new WebhookClientOptions
        {
            Origin = receiver.Origin,
            SecretProvider = Provider(),
            DefaultTaskTimeout = TimeSpan.FromMilliseconds(300),
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => new SecretEverywhereGetTask { Id = "query-value-7" }.InvokeAsync(client, TestContext.Current.CancellationToken));

        AssertNoSecret(new[] { error.Message, error.ToString() });
        Assert.DoesNotContain("query-value-7", error.Message, StringComparison.Ordinal);
    }

    private static DictionarySecretProvider Provider() => new(new Dictionary<string, string> { ["token"] = Token });

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
            texts.Add(result.InputData ?? "");
            texts.Add(result.ResponseData);
            texts.AddRange(result.ToDictionary().Select(pair => Convert.ToString(pair.Value) ?? ""));
        }
        catch (WebhookFailedException error)
        {
            texts.Add(error.Message);
            texts.Add(error.ResponseText);
            texts.Add(error.ToString());
        }

        Assert.NotEmpty(texts);
        return texts;
    }

    private static void AssertNoSecret(IEnumerable<string> texts)
    {
        var forms = new[]
        {
            Token,
            UrlEncoding.Encode(Token),
            JsonEncodedText.Encode(Token).Value,
            JsonEncodedText.Encode(Token, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            Uri.EscapeDataString(Token),
        };
        foreach (var text in texts)
        {
            foreach (var form in forms)
            {
                Assert.False(text.Contains(form, StringComparison.Ordinal), $"The secret (as '{form}') shows in: {text}");
            }
        }
    }
}
