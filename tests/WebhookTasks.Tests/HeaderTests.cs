using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class HeaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeadersAreSentInDeclaredOrderWithTemplateValues()
    {
        await using var receiver = await Receiver.StartAsync();

        await new HeaderTask { Token = "tok", Optional = "here" }.InvokeAsync(receiver.Client(), Ct);

        var sent = receiver.Single().Headers.Where(h => h.Key.StartsWith("X-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[]
            {
                new KeyValuePair<string, string>("X-Order-First", "one"),
                new KeyValuePair<string, string>("X-Order-Second", "tok"),
                new KeyValuePair<string, string>("X-Order-Third", "Bearer tok"),
                new KeyValuePair<string, string>("X-Optional", "here"),
            },
            sent);
    }

    [Fact]
    public async Task HeaderWhoseWholeValueIsNullIsLeftOut()
    {
        await using var receiver = await Receiver.StartAsync();

        await new HeaderTask { Token = "tok", Optional = null }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Null(request.Header("X-Optional"));
        Assert.Equal("tok", request.Header("X-Order-Second"));
    }

    [Fact]
    public async Task DeclaredContentTypeReplacesTheDefault()
    {
        await using var receiver = await Receiver.StartAsync();

        await new HeaderTask { Token = "tok" }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal(["application/vnd.example+json"], request.HeaderValues("Content-Type"));
        Assert.Equal("""{"a":1}""", request.BodyText);
    }

    [Fact]
    public async Task NonAsciiHeaderValueIsSentAsUtf8()
    {
        await using var receiver = await Receiver.StartAsync();

        await new HeaderTask { Token = "café" }.InvokeAsync(receiver.Client(), Ct);

        // The receiver decodes header bytes as UTF-8.
        Assert.Equal("café", receiver.Single().Header("X-Order-Second"));
    }

    [Theory]
    [InlineData("a\r\nX-Evil: 1")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    public async Task HeaderValueWithCrLfOrNulIsRefusedBeforeSending(string token)
    {
        await using var receiver = await Receiver.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new HeaderTask { Token = token }.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Token", error.ParamName);
        Assert.Contains("'Token'", error.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task SecretInHeaderIsSentResolvedAndShownMasked()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client(secrets: new DictionarySecretProvider(new Dictionary<string, string> { ["api_token"] = "s3cr3t-value" }));
        var task = new SecretHeaderTask { S = "hi" };

        await task.InvokeAsync(client, Ct);

        Assert.Equal("Bearer s3cr3t-value", receiver.Single().Header("Authorization"));
        var shown = task.Render(client).ToString();
        Assert.Contains("Authorization: Bearer ***", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSecretFailsBeforeSending()
    {
        await using var receiver = await Receiver.StartAsync();

        var error = await Assert.ThrowsAsync<WebhookSecretNotFoundException>(() => new SecretHeaderTask { S = "hi" }.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("api_token", error.SecretName);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task WithHeaderAddsAHeaderAfterTheDeclaredOnes()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client();

        var request = new HeaderTask { Token = "tok" }.Render(client).WithHeader("Idempotency-Key", "k-1");
        await client.SendAsync(request, Ct);

        var sent = receiver.Single();
        Assert.Equal("k-1", sent.Header("Idempotency-Key"));
        Assert.Equal("tok", sent.Header("X-Order-Second"));
        Assert.Equal("Idempotency-Key", request.Headers[^1].Key);
    }

    [Fact]
    public async Task WithHeaderReplacesADeclaredHeaderOfTheSameNameIgnoringCase()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client();

        var original = new HeaderTask { Token = "tok" }.Render(client);
        var request = original.WithHeader("x-order-second", "other");
        await client.SendAsync(request, Ct);

        Assert.Equal(["other"], receiver.Single().HeaderValues("X-Order-Second"));
        Assert.Equal("tok", original.Headers.Single(h => h.Key == "X-Order-Second").Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bad Name")]
    [InlineData("Bad:Name")]
    [InlineData("Caf\u00e9")]
    public void WithHeaderRefusesANameThatIsNotAToken(string name)
    {
        var request = new HeaderTask { Token = "tok" }.Render();

        var error = Assert.Throws<ArgumentException>(() => request.WithHeader(name, "v"));

        Assert.Equal("name", error.ParamName);
    }

    [Theory]
    [InlineData("a\r\nX-Evil: 1")]
    [InlineData("a\0b")]
    public void WithHeaderRefusesAValueWithCrLfOrNul(string value)
    {
        var request = new HeaderTask { Token = "tok" }.Render();

        var error = Assert.Throws<ArgumentException>(() => request.WithHeader("X-Key", value));

        Assert.Equal("value", error.ParamName);
    }
}
