using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class UrlPathTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a b", "a%20b")]
    [InlineData("a&b", "a%26b")]
    [InlineData("a?b", "a%3Fb")]
    [InlineData("a#b", "a%23b")]
    [InlineData("100%", "100%25")]
    [InlineData("%2F", "%252F")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("a.b-c_d~e", "a.b-c_d~e")]
    [InlineData("...", "...")]
    public async Task PathValueIsSentPercentEncodedAsOneSegment(string value, string encoded)
    {
        await using var receiver = await Receiver.StartAsync();

        await new PathValueTask { Id = value }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/items/" + encoded + "/end", request.RawTarget);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task PathSegmentThatIsOnlyDotsIsRefusedBeforeSending(string value)
    {
        await using var receiver = await Receiver.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new PathValueTask { Id = value }.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Id", error.ParamName);
        Assert.Contains("'Id'", error.Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task NullPathSegmentIsRefusedBeforeSending()
    {
        await using var receiver = await Receiver.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new PathValueTask { Id = null }.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Id", error.ParamName);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task NullInMemberChainOfPathSegmentIsRefusedBeforeSending()
    {
        await using var receiver = await Receiver.StartAsync();
        var task = new MemberPathSegmentTask { Order = new Order { Id = 1, Customer = null } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => task.InvokeAsync(receiver.Client(), Ct));

        Assert.Equal("Order", error.ParamName);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task MemberPathInPathSegmentIsSentEncoded()
    {
        await using var receiver = await Receiver.StartAsync();
        var task = new MemberPathSegmentTask { Order = new Order { Customer = new Customer { Name = "Ann Lee/2" } } };

        await task.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/customers/Ann%20Lee%2F2", receiver.Single().RawTarget);
    }
}
