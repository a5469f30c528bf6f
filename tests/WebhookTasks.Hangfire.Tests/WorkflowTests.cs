using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hangfire;
using Hangfire.States;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

public sealed class WorkflowTests
{
    private static PostOrder Order(string path) => new() { Path = path, Id = 1 };

    // Hangfire keeps the moment a scheduled job is due in whole seconds, so it may run up to a second before the
    // exact moment, never before the second that moment falls in.
    private static DateTime WholeSecond(DateTime moment) => new(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    [Fact]
    public async Task Scheduled_job_is_due_after_its_delay_and_not_run_before()
    {
        var arrivals = new ConcurrentQueue<DateTime>();
        await using var world = await Harness.StartAsync(_ =>
        {
            arrivals.Enqueue(DateTime.UtcNow);
            return new Reply(200, "ok");
        });
        var delay = TimeSpan.FromSeconds(2);

        var before = DateTime.UtcNow;
        var id = world.Jobs.ScheduleWebhook(Order("later"), delay);
        var after = DateTime.UtcNow;

        var scheduled = world.Details(id).History.Single(h => h.StateName == ScheduledState.StateName);
        var due = global::Hangfire.Common.JobHelper.DeserializeDateTime(scheduled.Data["EnqueueAt"]);
        Assert.InRange(due, before + delay - TimeSpan.FromMilliseconds(1), after + delay + TimeSpan.FromMilliseconds(1));
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        Assert.True(Assert.Single(arrivals) >= WholeSecond(due), $"Arrived at {arrivals.Single():O}, due at {due:O}.");
    }

    [Fact]
    public async Task Job_scheduled_at_a_moment_is_due_then()
    {
        var arrivals = new ConcurrentQueue<DateTime>();
        await using var world = await Harness.StartAsync(_ =>
        {
            arrivals.Enqueue(DateTime.UtcNow);
            return new Reply(200, "ok");
        });
        var at = DateTimeOffset.UtcNow.AddSeconds(2);

        var id = world.Jobs.ScheduleWebhook(Order("at"), at);

        var scheduled = world.Details(id).History.Single(h => h.StateName == ScheduledState.StateName);
        var due = global::Hangfire.Common.JobHelper.DeserializeDateTime(scheduled.Data["EnqueueAt"]);
        Assert.Equal(at.UtcDateTime, due, TimeSpan.FromMilliseconds(1));
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        Assert.True(Assert.Single(arrivals) >= WholeSecond(due), $"Arrived at {arrivals.Single():O}, due at {due:O}.");
    }

    [Fact]
    public async Task Continuation_runs_after_its_parent_succeeded()
    {
        Harness? world = null;
        string? child = null;
        string? childStateWhileParentRan = null;
        await using var started = await Harness.StartAsync(request =>
        {
            if (request.RawPath == "/orders/parent")
            {
                SpinWait.SpinUntil(() => Volatile.Read(ref child) is not null, TimeSpan.FromSeconds(10));
                childStateWhileParentRan = world!.StateOf(child!);
            }

            return new Reply(200, "ok");
        });
        world = started;

        var parent = world.Jobs.EnqueueWebhook(Order("parent"));
        Volatile.Write(ref child, world.Jobs.ContinueWebhookWith(parent, Order("child")));

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(child));
        Assert.Equal(AwaitingState.StateName, childStateWhileParentRan);
        Assert.Equal(SucceededState.StateName, world.StateOf(parent));
        Assert.Equal(["/orders/parent", "/orders/child"], world.Receiver.Requests.Select(r => r.RawPath));
    }

    [Fact]
    public async Task Continuation_waits_when_its_parent_failed()
    {
        await using var world = await Harness.StartAsync(request => request.RawPath == "/orders/parent" ? new Reply(404, "gone") : new Reply(200, "ok"));

        var parent = world.Jobs.EnqueueWebhook(Order("parent"));
        var child = world.Jobs.ContinueWebhookWith(parent, Order("child"));

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(parent));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(AwaitingState.StateName, world.StateOf(child));
        Assert.Equal(["/orders/parent"], world.Receiver.Requests.Select(r => r.RawPath));
    }

    [Fact]
    public async Task Continuation_on_any_finished_state_runs_after_a_deleted_parent()
    {
        await using var world = await Harness.StartAsync(request => request.RawPath == "/orders/parent" ? new Reply(404, "gone") : new Reply(200, "ok"));

        var parent = world.Jobs.EnqueueWebhook(Order("parent"));
        var child = world.Jobs.ContinueWebhookWith(parent, Order("child"), JobContinuationOptions.OnAnyFinishedState);
        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(parent));
        world.Jobs.Delete(parent);

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(child));
        Assert.Equal(["/orders/parent", "/orders/child"], world.Receiver.Requests.Select(r => r.RawPath));
    }

    [Fact]
    public async Task Each_recurring_occurrence_sends_a_different_idempotency_key()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));
        world.Recurring.AddOrUpdateWebhook("nightly-order", Order("nightly"), Cron.Never());

        var first = world.Recurring.TriggerJob("nightly-order");
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(first));
        var second = world.Recurring.TriggerJob("nightly-order");
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(second));

        var keys = world.Receiver.Requests.Select(r => r.Header(WebhookJobHeaders.IdempotencyKey)).ToList();
        Assert.Equal(2, keys.Count);
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal([world.Result(first).IdempotencyKey, world.Result(second).IdempotencyKey], keys);
    }

    [Fact]
    public async Task Recurring_job_runs_on_its_cron_schedule()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));

        world.Recurring.AddOrUpdateWebhook("every-second", Order("tick"), "* * * * * *");

        var clock = Stopwatch.StartNew();
        while (world.Receiver.Requests.Count < 2 && clock.Elapsed < Harness.WaitLimit)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        world.Recurring.RemoveIfExists("every-second");
        var requests = world.Receiver.Requests.Take(2).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("/orders/tick", r.RawPath));
        Assert.NotEqual(requests[0].Header(WebhookJobHeaders.IdempotencyKey), requests[1].Header(WebhookJobHeaders.IdempotencyKey));
    }
}
