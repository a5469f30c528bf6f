using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class RenderTests
{
    [Fact]
    public async Task RenderGivesPostRequestWithoutSendingIt()
    {
        await using var receiver = await Receiver.StartAsync();

        var request = new PostTask { Id = 3, V = "x" }.Render(receiver.Client());

        Assert.Equal("POST", request.Method);
        Assert.Equal($"http://127.0.0.1:{receiver.Origin.Port}/things/3", request.Url);
        Assert.Empty(request.Headers);
        Assert.Equal("""{"v":"x"}""", request.Body);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public void RenderGivesGetRequestWithDataInQueryAndNoBody()
    {
        var request = new GetWithParams { S = "Hello world", ItemId = 10 }.Render();

        Assert.Equal("GET", request.Method);
        Assert.Equal("http://localhost:8000/items/10?q=Hello%20world", request.Url);
        Assert.Equal([new KeyValuePair<string, string>("Content-Type", "application/json")], request.Headers);
        Assert.Null(request.Body);
    }

    [Fact]
    public void RenderListsHeadersInDeclaredOrderLeavingOutNullOnes()
    {
        var request = new HeaderTask { Token = "t" }.Render();

        Assert.Equal(
            new[]
            {
                new KeyValuePair<string, string>("X-Order-First", "one"),
                new KeyValuePair<string, string>("X-Order-Second", "t"),
                new KeyValuePair<string, string>("X-Order-Third", "Bearer t"),
                new KeyValuePair<string, string>("Content-Type", "application/vnd.example+json"),
            },
            request.Headers);
    }

    [Fact]
    public void RenderWithoutOriginOverrideKeepsTheTemplatesOrigin()
    {
        var request = new DeleteTask { Id = 1, V = "a/b" }.Render();

        Assert.Equal("DELETE", request.Method);
        Assert.Equal("http://example.invalid/things/1?v=a%2Fb", request.Url);
        Assert.Null(request.Body);
    }

    [Fact]
    public void RenderRefusesDotSegmentWithArgumentException()
    {
        var error = Assert.Throws<System.ArgumentException>(() => new PathValueTask { Id = ".." }.Render());

        Assert.Equal("Id", error.ParamName);
    }
}
