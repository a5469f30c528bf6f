using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class MethodTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostSendsDataAsJsonBody()
    {
        await using var receiver = await Receiver.StartAsync();

        await new PostTask { Id = 3, V = "x y" }.InvokeAsync(receiver.Client(), Ct);

        AssertJsonBodyRequest(receiver.Single(), "POST");
    }

    [Fact]
    public async Task PutSendsDataAsJsonBody()
    {
        await using var receiver = await Receiver.StartAsync();

        await new PutTask { Id = 3, V = "x y" }.InvokeAsync(receiver.Client(), Ct);

        AssertJsonBodyRequest(receiver.Single(), "PUT");
    }

    [Fact]
    public async Task PatchSendsDataAsJsonBody()
    {
        await using var receiver = await Receiver.StartAsync();

        await new PatchTask { Id = 3, V = "x y" }.InvokeAsync(receiver.Client(), Ct);

        AssertJsonBodyRequest(receiver.Single(), "PATCH");
    }

    [Fact]
    public async Task DeleteSendsDataAsQueryParametersWithoutBody()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DeleteTask { Id = 3, V = "x y" }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/things/3?v=x%20y", request.RawTarget);
        Assert.Empty(request.Body);
        Assert.Null(request.Header("Content-Type"));
    }

    [Fact]
    public async Task PostWithoutDataSendsEmptyJsonObject()
    {
        await using var receiver = await Receiver.StartAsync();

        await new PostWithoutDataTask().InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/empty", request.RawTarget);
        Assert.Equal("{}", request.BodyText);
        Assert.Equal("2", request.Header("Content-Length"));
    }

    private static void AssertJsonBodyRequest(ReceivedRequest request, string method)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal("/things/3", request.RawTarget);
        Assert.Equal("""{"v":"x y"}""", request.BodyText);
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
    }
}
