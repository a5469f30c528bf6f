using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class RetryAfterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Reply Failing(int status, params (string Name, string Value)[] headers) =>
        new(status, "slow down") { Headers = Array.ConvertAll(headers, h => new KeyValuePair<string, string>(h.Name, h.Value)) };

    private static async Task<WebhookFailedException> FailAsync(Reply reply)
    {
        await using var receiver = await Receiver.StartAsync(reply);
        return await Assert.ThrowsAsync<WebhookFailedException>(() => new StatusTask().InvokeAsync(receiver.Client(), Ct));
    }

    private static string HttpDate(DateTimeOffset when) => when.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    [Fact]
    public async Task RetryAfterInSecondsIsReadFromA429()
    {
        var error = await FailAsync(Failing(429, ("Retry-After", "120")));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterInSecondsIsReadFromA503()
    {
        var error = await FailAsync(Failing(503, ("Retry-After", "7")));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateIsCountedFromTheResponseDateHeader()
    {
        // A Date far from now: the wait must come from it, not from the clock.
        var date = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var error = await FailAsync(Failing(429, ("Date", HttpDate(date)), ("Retry-After", HttpDate(date.AddSeconds(90)))));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateInThePastIsZero()
    {
        var date = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var error = await FailAsync(Failing(503, ("Date", HttpDate(date)), ("Retry-After", HttpDate(date.AddMinutes(-5)))));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateWithoutAUsableDateHeaderIsCountedFromNow()
    {
        // An unreadable Date header is as good as none: the wait is counted from the clock.
        var error = await FailAsync(Failing(429, ("Date", "not a date"), ("Retry-After", HttpDate(DateTimeOffset.UtcNow.AddMinutes(10)))));

        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task MissingRetryAfterIsNull()
    {
        var error = await FailAsync(Failing(429));

        Assert.Null(error.RetryAfter);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("Thu, 99 Foo 2026 25:61:61 GMT")]
    public async Task UnparsableRetryAfterIsNull(string value)
    {
        var error = await FailAsync(Failing(429, ("Retry-After", value)));

        Assert.Equal(429, error.StatusCode);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task TwoHundredWithRetryAfterStillSucceeds()
    {
        await using var receiver = await Receiver.StartAsync(Failing(200, ("Retry-After", "120")));

        var result = await new StatusTask().InvokeAsync(receiver.Client(), Ct);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("slow down", result.ResponseData);
    }

    [Fact]
    public void ExistingConstructorLeavesRetryAfterNull()
    {
        var error = new WebhookFailedException("t", 429, "x");

        Assert.Null(error.RetryAfter);
        Assert.Equal("Webhook 't' failed with status code 429, response: x", error.Message);
    }

    [Fact]
    public void NegativeRetryAfterGivenToTheConstructorIsZero()
    {
        var error = new WebhookFailedException("t", 429, "x", TimeSpan.FromSeconds(-3));

        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }
}
