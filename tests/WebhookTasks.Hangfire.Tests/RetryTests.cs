using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.States;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

public sealed class RetryTests
{
    private static PostOrder Order() => new() { Path = "o-1", Id = 1, Note = "n" };

    /// <summary>Answers the first <paramref name="failures"/> requests with <paramref name="status"/>, the rest with 200.</summary>
    private static Func<ReceivedRequest, Reply> FailFirst(int failures, int status)
    {
        var calls = 0;
        return _ => Interlocked.Increment(ref calls) <= failures ? new Reply(status, "try later") : new Reply(200, "ok");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Retryable_status_is_retried_until_it_succeeds(int status)
    {
        await using var world = await Harness.StartAsync(FailFirst(2, status));

        var id = world.Jobs.EnqueueWebhook(Order());

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        Assert.Equal(3, world.Receiver.Requests.Count);
        Assert.Equal(3, world.Result(id).Attempt);
    }

    [Fact]
    public async Task Every_attempt_carries_the_same_idempotency_key()
    {
        await using var world = await Harness.StartAsync(FailFirst(2, 503));

        var id = world.Jobs.EnqueueWebhook(Order());
        await world.WaitForEndAsync(id);

        var keys = world.Receiver.Requests.Select(r => r.Header(WebhookJobHeaders.IdempotencyKey)).ToList();
        Assert.Equal(3, keys.Count);
        Assert.All(keys, key => Assert.Equal(world.Result(id).IdempotencyKey, key));
        Assert.Equal(world.Parameter<string>(id, WebhookJobHeaders.IdempotencyKeyParameter), keys[0]);
    }

    [Fact]
    public async Task Retry_is_scheduled_with_a_reason_naming_status_and_attempt()
    {
        await using var world = await Harness.StartAsync(FailFirst(1, 503));

        var id = world.Jobs.EnqueueWebhook(Order());
        await world.WaitForEndAsync(id);

        var scheduled = Assert.Single(world.Details(id).History, h => h.StateName == ScheduledState.StateName);
        Assert.Equal($"Retry attempt 1 of {TestRetry.Attempts}: status 503", scheduled.Reason);
        Assert.Equal(
            // The Failed state the filter replaced stays in the history, with the exception, for the dashboard.
            [EnqueuedState.StateName, ProcessingState.StateName, FailedState.StateName, ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName, SucceededState.StateName],
            world.History(id));
    }

    [Fact]
    public async Task Timeout_is_retried_with_the_same_key()
    {
        var calls = 0;
        await using var world = await Harness.StartAsync(_ =>
            Interlocked.Increment(ref calls) == 1 ? new Reply(200, "late") { Delay = TimeSpan.FromSeconds(5) } : new Reply(200, "ok"));

        var id = world.Jobs.EnqueueWebhook(new SlowPing());

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        var result = world.Result(id);
        Assert.Equal(("ok", 2), (result.ResponseData, result.Attempt));
        var keys = world.Receiver.Requests.Select(r => r.Header(WebhookJobHeaders.IdempotencyKey)).Distinct().ToList();
        Assert.Equal([result.IdempotencyKey], keys);
    }

    [Fact]
    public async Task Connection_failure_is_retried()
    {
        // The first attempt goes to a port nobody listens on; the retry to the receiver.
        var closed = System.Net.Sockets.TcpListener.Create(0);
        closed.Start();
        var deadOrigin = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}/");
        closed.Stop();
        var calls = 0;
        await using var world = await Harness.StartAsync(
            _ => new Reply(200, "ok"),
            client: receiver => new WebhookClient(
                new System.Net.Http.HttpClient(new FirstCallElsewhere(deadOrigin, () => Interlocked.Increment(ref calls)) { InnerHandler = WebhookClient.CreateDefaultHandler() }),
                new WebhookClientOptions { Origin = receiver.Origin }));

        var id = world.Jobs.EnqueueWebhook(Order());

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        Assert.Equal(2, world.Result(id).Attempt);
        Assert.Single(world.Receiver.Requests);
        Assert.Contains(world.Details(id).History, h => h.StateName == ScheduledState.StateName && h.Reason.Contains("HttpRequestException", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(400)]
    [InlineData(422)]
    [InlineData(302)]
    [InlineData(301)]
    public async Task Non_retryable_status_fails_at_once(int status)
    {
        await using var world = await Harness.StartAsync(new Reply(status, "no"));

        var id = world.Jobs.EnqueueWebhook(Order());

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));
        Assert.Single(world.Receiver.Requests);
        Assert.Equal([EnqueuedState.StateName, ProcessingState.StateName, FailedState.StateName], world.History(id));
        Assert.Null(world.Parameter<int?>(id, WebhookJobHeaders.RetryCountParameter));
        var failed = world.Details(id).History.First();
        Assert.Equal(typeof(WebhookFailedException).FullName, failed.Data["ExceptionType"]);
        Assert.Contains($"status {status}", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_input_fails_at_once_without_a_request()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));

        var id = world.Jobs.EnqueueWebhook(new PostOrder { Path = ".." });

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));
        Assert.Empty(world.Receiver.Requests);
        Assert.Equal([EnqueuedState.StateName, ProcessingState.StateName, FailedState.StateName], world.History(id));
        Assert.Equal(typeof(ArgumentException).FullName, world.Details(id).History.First().Data["ExceptionType"]);
    }

    [Fact]
    public async Task Used_up_retries_fail_after_exactly_attempts_plus_one_requests()
    {
        await using var world = await Harness.StartAsync(new Reply(503, "down"));

        var id = world.Jobs.EnqueueWebhook(Order());

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));
        Assert.Equal(TestRetry.Attempts + 1, world.Receiver.Requests.Count);
        Assert.Equal(TestRetry.Attempts, world.History(id).Count(s => s == ScheduledState.StateName));
        Assert.Equal(TestRetry.Attempts, world.Parameter<int>(id, WebhookJobHeaders.RetryCountParameter));
        Assert.Single(world.Receiver.Requests.Select(r => r.Header(WebhookJobHeaders.IdempotencyKey)).Distinct());

        // Failed is final: nothing is tried again.
        await Task.Delay(TestRetry.Delay * 5, TestContext.Current.CancellationToken);
        Assert.Equal(TestRetry.Attempts + 1, world.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Requeued_failed_job_gets_the_whole_retry_schedule_again()
    {
        await using var world = await Harness.StartAsync(new Reply(503, "down"));
        var id = world.Jobs.EnqueueWebhook(Order());
        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));

        // What the dashboard's Requeue does: Failed to Enqueued.
        Assert.True(world.Jobs.Requeue(id, FailedState.StateName));
        await world.WaitForStateAsync(id, EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName);

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));
        Assert.Equal(2 * (TestRetry.Attempts + 1), world.Receiver.Requests.Count);
        Assert.Equal(2 * TestRetry.Attempts, world.History(id).Count(s => s == ScheduledState.StateName));
        Assert.StartsWith("Retries used up", world.Details(id).History.First().Reason, StringComparison.Ordinal);
    }
}

/// <summary>Sends its first request to another origin (where nobody listens), the others where they were going.</summary>
internal sealed class FirstCallElsewhere(Uri elsewhere, Func<int> count) : System.Net.Http.DelegatingHandler
{
    protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (count() == 1)
        {
            request.RequestUri = new Uri(elsewhere, request.RequestUri!.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
