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
}
