using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

/// <summary><c>WithHeader</c> copies a request without a body as a request without a body.</summary>
public sealed class WithHeaderBodyTests
{
    private static readonly string[] BodyHeaders = ["Content-Type", "Content-Length", "Transfer-Encoding"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Methods => new() { "GET", "DELETE" };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task WithHeader_on_a_request_without_body_sends_the_same_body_headers_as_without_it(string method)
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client();

        await client.SendAsync(Plain(method, client), Ct);
        await client.SendAsync(Plain(method, client).WithHeader("Idempotency-Key", "k-1"), Ct);

        var (without, with) = (receiver.Requests[0], receiver.Requests[1]);
        Assert.Equal(method, with.Method);
        Assert.Equal("k-1", with.Header("Idempotency-Key"));
        foreach (var name in BodyHeaders)
        {
            Assert.Equal(without.HeaderValues(name), with.HeaderValues(name));
            Assert.Empty(with.HeaderValues(name));
        }

        Assert.Empty(with.Body);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void WithHeader_on_a_request_without_body_keeps_Body_null(string method)
    {
        var original = Plain(method, WebhookClient.Default);

        var copy = original.WithHeader("Idempotency-Key", "k-1");

        Assert.Null(original.Body);
        Assert.Null(copy.Body);
        Assert.True(copy.BodyUtf8.IsEmpty);
        Assert.DoesNotContain("\n\n", copy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithHeader_on_a_post_keeps_its_body()
    {
        var original = new JsonTextTask { S = "x" }.Render(WebhookClient.Default);

        var copy = original.WithHeader("Idempotency-Key", "k-1");

        Assert.Equal(original.Body, copy.Body);
        Assert.Equal(original.BodyUtf8.ToArray(), copy.BodyUtf8.ToArray());
    }

    private static WebhookRequest Plain(string method, WebhookClient client) => method == "GET"
        ? new PlainGetTask { Id = "7" }.Render(client)
        : new PlainDeleteTask { Id = "7" }.Render(client);
}
