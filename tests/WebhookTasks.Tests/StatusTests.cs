using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class StatusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(200, "ok")]
    [InlineData(201, "created")]
    [InlineData(204, "")]
    [InlineData(299, "odd but 2xx")]
    public async Task TwoHundredStatusesSucceedWithStatusCodeAndResponseData(int status, string body)
    {
        await using var receiver = await Receiver.StartAsync(new Reply(status, body));

        var result = await new StatusTask().InvokeAsync(receiver.Client(), Ct);

        Assert.Equal(status, result.StatusCode);
        Assert.Equal(body, result.ResponseData);
        Assert.Equal("status", result.TaskName);
    }

    [Fact]
    public async Task RedirectIsNotFollowedAndFails()
    {
        await using var receiver = await Receiver.StartAsync(request => request.RawPath == "/status"
            ? new Reply(302, "moved") { Headers = [new KeyValuePair<string, string>("Location", "/elsewhere")] }
            : new Reply(200, "followed"));

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() => new StatusTask().InvokeAsync(receiver.Client(), Ct));

        Assert.Equal(302, error.StatusCode);
        Assert.Equal("/status", receiver.Single().RawTarget);
    }

    [Theory]
    [InlineData(404, "not here")]
    [InlineData(500, "boom")]
    [InlineData(400, "")]
    public async Task ErrorStatusRaisesWebhookFailedExceptionWithNameStatusAndText(int status, string body)
    {
        await using var receiver = await Receiver.StartAsync(new Reply(status, body));

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() => new StatusTask().InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("status", error.TaskName);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(body, error.ResponseText);
        Assert.Equal($"Webhook 'status' failed with status code {status}, response: {body}", error.Message);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task FailureMessageQuotesAtMostOneKibOfResponseText()
    {
        var body = new string('x', 1024) + new string('y', 1000);
        await using var receiver = await Receiver.StartAsync(new Reply(500, body));

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() => new StatusTask().InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Webhook 'status' failed with status code 500, response: " + new string('x', 1024) + "...", error.Message);
        Assert.Equal(body, error.ResponseText);
    }

    [Fact]
    public async Task FailureMessageMasksSecretsEchoedByTheReceiver()
    {
        await using var receiver = await Receiver.StartAsync(request => new Reply(401, "bad token: " + request.Header("Authorization")));
        var client = receiver.Client(secrets: new DictionarySecretProvider(new Dictionary<string, string> { ["api_token"] = "s3cr3t-value" }));

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() => new SecretHeaderTask { S = "x" }.InvokeAsync(client, Ct));

        Assert.Equal("Webhook 'secret-header' failed with status code 401, response: bad token: Bearer ***", error.Message);
        Assert.DoesNotContain("s3cr3t", error.ResponseText, StringComparison.Ordinal);
    }
}
