using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class QueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UrlQueryValueIsPercentEncodedAsQueryComponent()
    {
        await using var receiver = await Receiver.StartAsync();

        await new UrlQueryTask { X = "a b&c=d?#+%é", Opt = "o" }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/search?a=a%20b%26c%3Dd%3F%23%2B%25%C3%A9&opt=o&note=pre-o", receiver.Single().RawTarget);
    }

    [Fact]
    public async Task UrlQueryCollectionRepeatsTheKey()
    {
        await using var receiver = await Receiver.StartAsync();

        await new UrlQueryTask { X = "x", Tags = ["one", "two & three"], Opt = "o" }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/search?a=x&tag=one&tag=two%20%26%20three&opt=o&note=pre-o", receiver.Single().RawTarget);
    }

    [Fact]
    public async Task UrlQueryWholeNullValueIsLeftOutAndNullInsideTextIsEmpty()
    {
        await using var receiver = await Receiver.StartAsync();

        await new UrlQueryTask { X = "x", Tags = null, Opt = null }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/search?a=x&note=pre-", receiver.Single().RawTarget);
    }

    [Fact]
    public async Task GetSendsDataAsQueryParameters()
    {
        await using var receiver = await Receiver.StartAsync();
        var task = new GetQueryDataTask { N = 10, Flag = true, Tags = ["a b", "c"], None = null };

        var result = await task.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/query?n=10&flag=true&tags=a%20b&tags=c&text=a%26b%2010&fixed=5", request.RawTarget);
        Assert.Empty(request.Body);
        Assert.Equal("""{"n":10,"flag":true,"tags":["a b","c"],"none":null,"text":"a&b 10","fixed":5}""", result.InputData);
    }

    [Fact]
    public async Task FlytekitGetWithParamsSendsItemIdInPathAndDataInQuery()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "found"));

        var result = await new GetWithParams { S = "Hello world", ItemId = 10 }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/items/10?q=Hello%20world", request.RawTarget);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("found", result.ResponseData);
        Assert.Equal($"http://127.0.0.1:{receiver.Origin.Port}/items/10", result.Url);
        Assert.Equal("""{"q":"Hello world"}""", result.InputData);
    }
}
