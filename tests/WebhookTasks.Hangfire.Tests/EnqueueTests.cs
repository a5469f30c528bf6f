using System;
using System.Linq;
using System.Threading.Tasks;
using Hangfire.States;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

public sealed class EnqueueTests
{
    private static PostOrder Order() => new() { Path = "o-17", Id = 17, Note = "größe \"L\"", Tags = ["a", "b"] };

    [Fact]
    public async Task Receiver_gets_exactly_the_rendered_request_plus_the_idempotency_key()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));
        var task = Order();

        var id = world.Jobs.EnqueueWebhook(task);
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));

        var expected = task.Render(world.Client);
        var received = world.Receiver.Single();
        Assert.Equal("POST", received.Method);
        Assert.Equal(new Uri(expected.Url).PathAndQuery, received.RawTarget);
        Assert.Equal(expected.BodyUtf8.ToArray(), received.Body);
        Assert.Equal("tests", received.Header("X-Source"));
        var key = world.Parameter<string>(id, WebhookJobHeaders.IdempotencyKeyParameter);
        Assert.NotNull(key);
        Assert.Equal(key, received.Header(WebhookJobHeaders.IdempotencyKey));
    }

    [Fact]
    public async Task Succeeded_job_stores_the_redacted_result_with_key_and_first_attempt()
    {
        await using var world = await Harness.StartAsync(new Reply(201, "created"));
        var task = Order();

        var id = world.Jobs.EnqueueWebhook(task);
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));

        var expected = task.Render(world.Client);
        var result = world.Result(id);
        Assert.Equal("post-order", result.TaskName);
        Assert.Equal(201, result.StatusCode);
        Assert.Equal("created", result.ResponseData);
        Assert.Equal(world.Receiver.Origin + "orders/o-17?source=hangfire", result.Url);
        Assert.Equal(expected.Body, result.InputData);
        Assert.Equal(world.Receiver.Single().Header(WebhookJobHeaders.IdempotencyKey), result.IdempotencyKey);
        Assert.Equal(1, result.Attempt);
    }

    [Fact]
    public async Task Task_inputs_travel_with_the_job()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));
        var task = Order();

        var id = world.Jobs.EnqueueWebhook(task);

        var stored = Assert.IsType<WebhookTaskInputs<PostOrder>>(world.Details(id).Job.Args[1]).ToTask();
        Assert.NotSame(task, stored);
        Assert.Equal((task.Path, task.Id, task.Note), (stored.Path, stored.Id, stored.Note));
        Assert.Equal(task.Tags, stored.Tags);
        Assert.Equal("post-order", world.Details(id).Job.Args[0]);
        await world.WaitForEndAsync(id);
    }

    [Fact]
    public async Task Named_queue_job_runs_and_retries_on_that_queue()
    {
        var calls = 0;
        await using var world = await Harness.StartAsync(
            _ => System.Threading.Interlocked.Increment(ref calls) == 1 ? new Reply(503, "busy") : new Reply(200, "ok"),
            queues: ["critical"]);

        var id = world.Jobs.EnqueueWebhook("critical", Order());

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        Assert.Equal("critical", world.Details(id).Job.Queue);
        Assert.Equal(2, world.Receiver.Requests.Count);
    }
}
