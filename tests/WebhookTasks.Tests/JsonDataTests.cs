using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class JsonDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Order SampleOrder => new() { Id = 7, Customer = new Customer { Name = "Ann" }, Total = 12.5m };

    [Fact]
    public async Task WholePlaceholdersAreSentAsTheirOwnJsonValues()
    {
        await using var receiver = await Receiver.StartAsync();
        var task = new JsonValuesTask { N = 10, Flag = true, Missing = null, List = [1, 2, 3], Order = SampleOrder };

        await task.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/json", request.RawTarget);
        Assert.Equal(
            """{"n":10,"flag":true,"none":null,"list":[1,2,3],"order":{"id":7,"customer":{"name":"Ann"},"total":12.5}}""",
            request.BodyText);
    }

    [Fact]
    public async Task NullCollectionAndObjectAreSentAsJsonNull()
    {
        await using var receiver = await Receiver.StartAsync();

        await new JsonValuesTask { N = -3, Flag = false, List = null, Order = null }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("""{"n":-3,"flag":false,"none":null,"list":null,"order":null}""", receiver.Single().BodyText);
    }

    [Fact]
    public async Task ObjectInputIsSerializedWithTheClientsJsonOptions()
    {
        await using var receiver = await Receiver.StartAsync();
        // No TypeInfoResolver given: the client supplies System.Text.Json's default, as JsonSerializer would.
        var json = new JsonSerializerOptions();

        await new JsonValuesTask { N = 1, Order = SampleOrder }.InvokeAsync(receiver.Client(json: json), Ct);

        using var body = JsonDocument.Parse(receiver.Single().Body);
        Assert.Equal("""{"Id":7,"Customer":{"Name":"Ann"},"Total":12.5}""", body.RootElement.GetProperty("order").GetRawText());
    }

    [Fact]
    public async Task QuotesNewlinesAndBackslashesInTextAreJsonEscaped()
    {
        await using var receiver = await Receiver.StartAsync();
        const string text = "say \"hi\"\nback\\slash\t\u0001";

        await new JsonTextTask { S = text }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("""{"text":"Hello say \"hi\"\nback\\slash\t\u0001","whole":"say \"hi\"\nback\\slash\t\u0001"}""", request.BodyText);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Hello " + text, body.RootElement.GetProperty("text").GetString());
        Assert.Equal(text, body.RootElement.GetProperty("whole").GetString());
    }

    [Fact]
    public async Task NonAsciiTextIsSentAsUtf8AndParsesBackExactly()
    {
        await using var receiver = await Receiver.StartAsync();
        const string text = "café 😀 <b>&'";

        await new JsonTextTask { S = text }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
        Assert.Contains("\"Hello café ", Encoding.UTF8.GetString(request.Body), System.StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Hello " + text, body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task LoneSurrogateInTextIsSentAsReplacementCharacter()
    {
        await using var receiver = await Receiver.StartAsync();

        await new JsonTextTask { S = "a\uD800b" }.InvokeAsync(receiver.Client(), Ct);

        using var body = JsonDocument.Parse(receiver.Single().Body);
        Assert.Equal("a\uFFFDb", body.RootElement.GetProperty("whole").GetString());
    }

    [Fact]
    public async Task DoubledBracesAreLiteralBracesInDataAndUrl()
    {
        await using var receiver = await Receiver.StartAsync();

        await new BracesTask { V = "v{}" }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("/braces/v%7B%7D?literal=%7Bx%7D", request.RawTarget);
        Assert.Equal("""{"text":"{literal} v{} }","{key}":"{}"}""", request.BodyText);
    }

    [Fact]
    public async Task DoubledBracesAreLiteralBracesInGetDataQueryNamesAndValues()
    {
        await using var receiver = await Receiver.StartAsync();

        var result = await new GetBracesTask { V = "x" }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/b?%7Bk%7D=%7Bv%7D%20x", receiver.Single().RawTarget);
        Assert.Equal("""{"{k}":"{v} x"}""", result.InputData);
    }

    [Fact]
    public async Task DottedMemberPathsReadNestedProperties()
    {
        await using var receiver = await Receiver.StartAsync();

        await new MemberPathTask { Order = SampleOrder }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("/orders/7", request.RawTarget);
        Assert.Equal("""{"name":"Ann","greeting":"Dear Ann","id":7}""", request.BodyText);
    }

    [Fact]
    public async Task NullInMemberChainIsJsonNullAsWholeValueAndEmptyInsideText()
    {
        await using var receiver = await Receiver.StartAsync();

        await new MemberPathTask { Order = new Order { Id = 8, Customer = null } }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("""{"name":null,"greeting":"Dear ","id":8}""", receiver.Single().BodyText);
    }

    [Fact]
    public async Task FormatSpecsAndDefaultFormattingAreInvariantUnderAnotherCulture()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client();
        var task = new FormatTask { When = new System.DateTime(2024, 3, 5, 14, 7, 9, System.DateTimeKind.Utc), Amount = 1234.5m };
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1234,50", 1234.5m.ToString("F2", CultureInfo.CurrentCulture));
            await task.InvokeAsync(client, Ct);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var request = receiver.Single();
        Assert.Equal("/amounts/1234.50?day=2024%2F03%2F05", request.RawTarget);
        Assert.Equal(
            """{"date":"2024-03-05","slashed":"2024/03/05","amount":"1234.50","raw":1234.5,"text":"total 1234.5 at 2024-03-05T14:07:09.0000000Z"}""",
            request.BodyText);
    }
}
