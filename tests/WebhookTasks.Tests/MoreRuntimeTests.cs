using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class ScalarFormattingTests
{
    [Fact]
    public async Task EnumsGuidsDatesUrisAndNullablesAreFormattedAsDesigned()
    {
        await using var receiver = await Receiver.StartAsync();
        var task = new ScalarTask
        {
            Level = Level.Warning,
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Maybe = null,
            At = new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.FromHours(2)),
            Link = new Uri("https://example.com/a b?x=1"),
            Ratio = 0.25,
            Letter = 'é',
        };

        await task.InvokeAsync(receiver.Client(), TestContext.Current.CancellationToken);

        var request = receiver.Single();
        Assert.Equal("/scalars/warn%20ing?level=warn%20ing&id=0f8fad5b-d9cb-469f-a165-70867728950e", request.RawTarget);
        Assert.Equal(
            """{"level":"warn ing","text":"level warn ing","id":"0f8fad5b-d9cb-469f-a165-70867728950e","maybe":null,"at":"2024-03-05T14:07:09.0000000+02:00","link":"https://example.com/a b?x=1","ratio":0.25,"letter":"é"}""",
            request.BodyText);
    }

    [Fact]
    public async Task EnumWithoutEnumMemberIsSentByNameAndNullableNumberAsNumber()
    {
        await using var receiver = await Receiver.StartAsync();

        await new ScalarTask { Level = Level.Info, Maybe = 42, Ratio = -1.5 }.InvokeAsync(receiver.Client(), TestContext.Current.CancellationToken);

        var request = receiver.Single();
        Assert.StartsWith("/scalars/Info?level=Info&", request.RawTarget, StringComparison.Ordinal);
        Assert.Contains("\"maybe\":42,", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("\"ratio\":-1.5,", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("\"link\":null,", request.BodyText, StringComparison.Ordinal);
    }
}

public sealed class UrlShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WholeUrlValueIsSentWithoutItsFragment()
    {
        await using var receiver = await Receiver.StartAsync();

        var result = await new WholeUrlTask { Target = "http://example.invalid/hook/a%20b?x=1&y=%2F#frag" }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hook/a%20b?x=1&y=%2F", request.RawTarget);
        Assert.Equal("{}", request.BodyText);
        Assert.Equal($"http://127.0.0.1:{receiver.Origin.Port}/hook/a%20b?x=1&y=%2F", result.Url);
    }

    [Theory]
    [InlineData("ftp://example.invalid/file")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    [InlineData("http://user:secret@example.invalid/")]
    [InlineData(null)]
    public async Task WholeUrlValueThatIsNotAbsoluteHttpIsRefusedBeforeSending(string? target)
    {
        await using var receiver = await Receiver.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new WholeUrlTask { Target = target }.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Target", error.ParamName);
        Assert.Empty(receiver.Requests);
        if (target is not null)
        {
            Assert.DoesNotContain(target, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HostValueIsAcceptedAndOriginOverrideStillApplies()
    {
        await using var receiver = await Receiver.StartAsync();

        await new HostValueTask { Tenant = "acme-1" }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/hook", receiver.Single().RawTarget);
    }

    [Fact]
    public void HostValueIsRenderedLowercaseWithLiteralPort()
    {
        Assert.Equal("http://acme.example.invalid:8080/hook", new HostValueTask { Tenant = "Acme" }.Render().Url);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("a?b")]
    [InlineData("")]
    [InlineData(null)]
    public async Task HostValueThatIsNotAHostNameIsRefusedBeforeSending(string? tenant)
    {
        await using var receiver = await Receiver.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new HostValueTask { Tenant = tenant }.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Tenant", error.ParamName);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task GetDataQueryFollowsTheTemplatesLiteralQueryAndIsNotPartOfShownUrl()
    {
        await using var receiver = await Receiver.StartAsync();

        var result = await new LiteralQueryTask { Q = "a b" }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/list?page=1&sort=name%20asc&q=a%20b", receiver.Single().RawTarget);
        Assert.Equal($"http://127.0.0.1:{receiver.Origin.Port}/list?page=1&sort=name%20asc", result.Url);
        Assert.Equal("""{"q":"a b"}""", result.InputData);
    }

    [Fact]
    public async Task PerTaskOriginWinsOverTheClientOrigin()
    {
        await using var receiver = await Receiver.StartAsync();
        using var httpClient = WebhookClient.CreateDefaultHttpClient();
        var client = new WebhookClient(httpClient, new WebhookClientOptions
        {
            Origin = new Uri("http://127.0.0.1:9/"),
            TaskOrigins = new Dictionary<string, Uri> { ["post-data"] = receiver.Origin },
        });

        await new PostTask { Id = 5, V = "v" }.InvokeAsync(client, Ct);

        Assert.Equal("/things/5", receiver.Single().RawTarget);
    }
}

public sealed class SecretMaskingTests
{
    [Fact]
    public async Task SecretIsSentInBodyAndMaskedInInputData()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client(secrets: new DictionarySecretProvider(new Dictionary<string, string> { ["api_key"] = "k&y\"1" }));

        var result = await new SecretDataTask().InvokeAsync(client, TestContext.Current.CancellationToken);

        Assert.Equal("""{"key":"k&y\"1","text":"key=k&y\"1"}""", receiver.Single().BodyText);
        Assert.Equal("""{"key":"***","text":"key=***"}""", result.InputData);
        Assert.DoesNotContain("k&y", result.ToJson(), StringComparison.Ordinal);
    }
}

public sealed class ClientBehaviourTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SharedDefaultClientDoesNotFollowRedirects()
    {
        await using var receiver = await Receiver.StartAsync(request => request.RawPath == "/hook"
            ? new Reply(307, "") { Headers = [new KeyValuePair<string, string>("Location", "/elsewhere")] }
            : new Reply(200, "followed"));

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() => new WholeUrlTask { Target = receiver.Origin + "hook" }.InvokeAsync(cancellationToken: Ct));

        Assert.Equal(307, error.StatusCode);
        Assert.Equal("/hook", receiver.Single().RawTarget);
    }

    [Fact]
    public async Task ClientDefaultTimeoutAppliesToTasksWithoutTheirOwn()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "late") { Delay = TimeSpan.FromSeconds(30) });
        using var httpClient = WebhookClient.CreateDefaultHttpClient();
        var client = new WebhookClient(httpClient, new WebhookClientOptions { Origin = receiver.Origin, DefaultTaskTimeout = TimeSpan.FromMilliseconds(300) });

        await Assert.ThrowsAsync<TimeoutException>(() => new PatientTask().InvokeAsync(client, Ct));
    }

    [Fact]
    public async Task RefusedSecretValueIsNotQuotedInTheError()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client(secrets: new DictionarySecretProvider(new Dictionary<string, string> { ["api_token"] = "top\r\nsecret" }));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new SecretHeaderTask { S = "x" }.InvokeAsync(client, Ct));

        Assert.Equal("secrets.api_token", error.ParamName);
        Assert.DoesNotContain("secret\r", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("top", error.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }
}

public sealed class SecretUrlTests
{
    private static DictionarySecretProvider Secrets(string url) => new(new Dictionary<string, string> { ["hook_url"] = url });

    [Fact]
    public async Task SecretUrlIsSentAndMaskedInResultUrlUnderOriginOverride()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client(secrets: Secrets("https://hooks.example.invalid/services/T0/B0/XYZ"));

        var result = await new SecretUrlTask { S = "hi" }.InvokeAsync(client, TestContext.Current.CancellationToken);

        Assert.Equal("/services/T0/B0/XYZ", receiver.Single().RawTarget);
        Assert.DoesNotContain("XYZ", result.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("XYZ", new SecretUrlTask { S = "hi" }.Render(client).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretUrlEchoedInFailureIsMasked()
    {
        await using var receiver = await Receiver.StartAsync(request => new Reply(404, "no route " + request.RawTarget));
        var client = receiver.Client(secrets: Secrets("https://hooks.example.invalid/services/T0/B0/XYZ"));

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() => new SecretUrlTask { S = "hi" }.InvokeAsync(client, TestContext.Current.CancellationToken));

        Assert.Equal("Webhook 'secret-url' failed with status code 404, response: no route ***", error.Message);
    }

    [Fact]
    public void NormalizedSecretUrlIsMaskedWhereShown()
    {
        using var httpClient = new System.Net.Http.HttpClient();
        var client = new WebhookClient(httpClient, new WebhookClientOptions { SecretProvider = Secrets("https://HOOKS.example.invalid:443/services/XYZ") });

        var request = new SecretUrlTask { S = "hi" }.Render(client);

        Assert.Equal("https://hooks.example.invalid/services/XYZ", request.Url);
        Assert.DoesNotContain("XYZ", request.ToString(), StringComparison.Ordinal);
    }
}
