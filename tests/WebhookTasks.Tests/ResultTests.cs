using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class ResultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToDictionaryHasAllFlytekitKeysWhenDataAndUrlAreShown()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "ok"));

        var result = await new StatusTask().InvokeAsync(receiver.Client(), Ct);

        var dictionary = result.ToDictionary();
        Assert.Equal(["status_code", "response_data", "input_data", "url"], dictionary.Keys.ToArray());
        Assert.Equal(200, dictionary["status_code"]);
        Assert.Equal("ok", dictionary["response_data"]);
        Assert.Equal("""{"a":1}""", Assert.IsType<JsonElement>(dictionary["input_data"]).GetRawText());
        Assert.Equal($"http://127.0.0.1:{receiver.Origin.Port}/status", dictionary["url"]);
    }

    [Fact]
    public async Task ToDictionaryLeavesOutInputDataAndUrlWhenNotShown()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "ok"));

        var result = await new HiddenStatusTask().InvokeAsync(receiver.Client(), Ct);

        Assert.Equal(["status_code", "response_data"], result.ToDictionary().Keys.ToArray());
        Assert.Null(result.InputData);
        Assert.Null(result.Url);
    }

    [Fact]
    public async Task ToJsonWritesFlytekitKeysWhenShown()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(201, "done \"now\""));

        var result = await new StatusTask().InvokeAsync(receiver.Client(), Ct);

        Assert.Equal(
            $$"""{"status_code":201,"response_data":"done \"now\"","input_data":{"a":1},"url":"http://127.0.0.1:{{receiver.Origin.Port}}/status"}""",
            result.ToJson());
    }

    [Fact]
    public async Task ToJsonLeavesOutInputDataAndUrlWhenNotShown()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "ok"));

        var result = await new HiddenStatusTask().InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("""{"status_code":200,"response_data":"ok"}""", result.ToJson());
    }

    [Fact]
    public async Task StaticOverloadTakesOneNamedParameterPerInput()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client();

        var result = await GetWithParams.InvokeAsync(s: "x", itemId: 10, client: client, cancellationToken: Ct);

        Assert.Equal("/items/10?q=x", receiver.Single().RawTarget);
        Assert.Equal("""{"q":"x"}""", result.InputData);
    }

    [Fact]
    public async Task StaticOverloadCompilesWithInputsNamedClientAndCancellationToken()
    {
        await using var receiver = await Receiver.StartAsync();
        var webhookClient = receiver.Client();

        // The inputs keep their names; the method's own parameters follow them in position.
        await ClientInputTask.InvokeAsync(client: "c 1", cancellationToken: "t1", webhookClient, Ct);

        var request = receiver.Single();
        Assert.Equal("/client/c%201", request.RawTarget);
        Assert.Equal("""{"token":"t1"}""", request.BodyText);
    }

    [Fact]
    public async Task InterfaceSendsAnyTaskThroughTheClient()
    {
        await using var receiver = await Receiver.StartAsync();
        IWebhookTask task = new PostTask { Id = 4, V = "v" };

        var result = await receiver.Client().SendAsync(task, Ct);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("/things/4", receiver.Single().RawTarget);
        Assert.Equal("post-data", task.Descriptor.Name);
    }
}
