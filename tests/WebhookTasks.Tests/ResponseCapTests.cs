using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class ResponseCapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResponseOverTheCapFails(bool sendContentLength)
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, new string('a', 1001)) { SendContentLength = sendContentLength });

        var error = await Assert.ThrowsAsync<WebhookResponseTooLargeException>(() => new StatusTask().InvokeAsync(receiver.Client(maxResponseBytes: 1000), Ct));

        Assert.Equal(1000, error.MaxResponseBytes);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("status", error.TaskName);
        Assert.Contains("1000", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResponseExactlyAtTheCapIsRead(bool sendContentLength)
    {
        var body = new string('a', 1000);
        await using var receiver = await Receiver.StartAsync(new Reply(200, body) { SendContentLength = sendContentLength });

        var result = await new StatusTask().InvokeAsync(receiver.Client(maxResponseBytes: 1000), Ct);

        Assert.Equal(body, result.ResponseData);
    }

    [Fact]
    public async Task ErrorResponseOverTheCapFailsWithTheCap()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(500, new string('e', 5000)) { SendContentLength = false });

        var error = await Assert.ThrowsAsync<WebhookResponseTooLargeException>(() => new StatusTask().InvokeAsync(receiver.Client(maxResponseBytes: 100), Ct));

        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task LargeResponseUnderTheDefaultCapIsReadWhole()
    {
        var body = new string('b', 300_000) + "é";
        await using var receiver = await Receiver.StartAsync(new Reply(200, body) { SendContentLength = false });

        var result = await new StatusTask().InvokeAsync(receiver.Client(), Ct);

        Assert.Equal(body, result.ResponseData);
    }
}
