using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class TimeoutTests
{
    private static readonly Reply SlowReply = new(200, "late") { Delay = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task TaskTimeoutRaisesTimeoutException()
    {
        await using var receiver = await Receiver.StartAsync(SlowReply);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => new SlowTask().InvokeAsync(receiver.Client(), TestContext.Current.CancellationToken));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Contains("'slow'", error.Message, StringComparison.Ordinal);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task CallerCancellationRaisesOperationCanceledExceptionWithCallersToken()
    {
        await using var receiver = await Receiver.StartAsync(SlowReply);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PatientTask().InvokeAsync(receiver.Client(), caller.Token));

        Assert.IsNotType<TimeoutException>(error.InnerException);
        Assert.Equal(caller.Token, error.CancellationToken);
    }

    [Fact]
    public async Task AlreadyCancelledTokenSendsNothing()
    {
        await using var receiver = await Receiver.StartAsync();
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PatientTask().InvokeAsync(receiver.Client(), caller.Token));

        Assert.Equal(caller.Token, error.CancellationToken);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task TimeoutAndCancellationStillApplyAfterCallsThatReusedTheirTimeoutSource()
    {
        // The client reuses a finished call's timeout source; later calls must still time out and still
        // see their caller's cancellation, and a cancelled caller must not reach a later call.
        var slow = false;
        await using var receiver = await Receiver.StartAsync(_ => slow ? SlowReply : new Reply(200, "ok"));
        var client = receiver.Client();
        using var earlier = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        for (var i = 0; i < 5; i++)
        {
            await new SlowTask().InvokeAsync(client, earlier.Token);
        }

        await earlier.CancelAsync();
        Assert.Equal(200, (await new SlowTask().InvokeAsync(client, TestContext.Current.CancellationToken)).StatusCode);

        slow = true;
        await Assert.ThrowsAsync<TimeoutException>(() => new SlowTask().InvokeAsync(client, TestContext.Current.CancellationToken));
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PatientTask().InvokeAsync(client, caller.Token));
        Assert.Equal(caller.Token, cancelled.CancellationToken);
    }
}
