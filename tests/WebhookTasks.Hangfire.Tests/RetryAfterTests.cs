using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Hangfire.States;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

/// <summary>A receiver's Retry-After header, with the test's retry options (100 ms between retries, cap at its default).</summary>
public sealed class RetryAfterTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(10);

    internal static PostOrder Order() => new() { Path = "o-1", Id = 1, Note = "n" };

    internal static Reply TooMany(params (string Name, string Value)[] headers) =>
        new(429, "slow down") { Headers = Array.ConvertAll(headers, h => new KeyValuePair<string, string>(h.Name, h.Value)) };

    internal static void AssertWait(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - Slack, expected + Slack);

    [Fact]
    public async Task Retry_After_in_seconds_longer_than_the_schedule_sets_the_wait()
    {
        await using var world = await Harness.StartAsync(TooMany(("Retry-After", "5")));

        var id = world.Jobs.EnqueueWebhook(Order());
        var (wait, reason) = await world.FirstScheduledAsync(id);

        AssertWait(TimeSpan.FromSeconds(5), wait);
        Assert.Equal($"Retry attempt 1 of {TestRetry.Attempts}: status 429, waiting 5 s as Retry-After asked", reason);
        Assert.Single(world.Receiver.Requests);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_sets_the_wait_from_the_response_date()
    {
        var date = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        await using var world = await Harness.StartAsync(TooMany(
            ("Date", date.ToString("r", CultureInfo.InvariantCulture)),
            ("Retry-After", date.AddSeconds(7).ToString("r", CultureInfo.InvariantCulture))));

        var id = world.Jobs.EnqueueWebhook(Order());
        var (wait, _) = await world.FirstScheduledAsync(id);

        AssertWait(TimeSpan.FromSeconds(7), wait);
    }

    [Fact]
    public async Task Retry_After_shorter_than_the_schedule_leaves_the_schedule()
    {
        await using var world = await Harness.StartAsync(TooMany(("Retry-After", "0")));

        var id = world.Jobs.EnqueueWebhook(Order());
        var (wait, reason) = await world.FirstScheduledAsync(id);

        AssertWait(TestRetry.Delay, wait);
        Assert.Equal($"Retry attempt 1 of {TestRetry.Attempts}: status 429", reason);
    }

    [Fact]
    public async Task Failure_without_Retry_After_waits_the_schedule()
    {
        await using var world = await Harness.StartAsync(TooMany());

        var id = world.Jobs.EnqueueWebhook(Order());
        var (wait, _) = await world.FirstScheduledAsync(id);

        AssertWait(TestRetry.Delay, wait);
    }

    [Fact]
    public async Task Retry_After_on_a_status_that_is_not_retried_fails_at_once()
    {
        await using var world = await Harness.StartAsync(new Reply(404, "gone") { Headers = [new("Retry-After", "5")] });

        var id = world.Jobs.EnqueueWebhook(Order());

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));
        Assert.Single(world.Receiver.Requests);
    }
}

/// <summary>Retry-After with other retry options than the other tests use; so these run alone.</summary>
[Collection(nameof(RetryOptionsChangingCollection))]
public sealed class RetryAfterOptionsTests
{
    [Fact]
    public async Task Retry_After_above_the_cap_waits_the_cap()
    {
        await using var world = await Harness.StartAsync(
            _ => RetryAfterTests.TooMany(("Retry-After", "30")),
            retry: options => options.MaxRetryAfter = TimeSpan.FromSeconds(2));

        var id = world.Jobs.EnqueueWebhook(RetryAfterTests.Order());
        var (wait, reason) = await world.FirstScheduledAsync(id);

        RetryAfterTests.AssertWait(TimeSpan.FromSeconds(2), wait);
        Assert.Equal(
            $"Retry attempt 1 of {TestRetry.Attempts}: status 429, waiting 2 s (WebhookRetryOptions.MaxRetryAfter) where Retry-After asked for 30 s",
            reason);
    }

    [Fact]
    public async Task Retry_After_is_ignored_when_not_honoured()
    {
        await using var world = await Harness.StartAsync(
            _ => RetryAfterTests.TooMany(("Retry-After", "5")),
            retry: options => options.HonorRetryAfter = false);

        var id = world.Jobs.EnqueueWebhook(RetryAfterTests.Order());
        var (wait, reason) = await world.FirstScheduledAsync(id);

        RetryAfterTests.AssertWait(TestRetry.Delay, wait);
        Assert.Equal($"Retry attempt 1 of {TestRetry.Attempts}: status 429", reason);
    }
}
