using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Hangfire.States;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

/// <summary>
/// A job carries its task's inputs as System.Text.Json text, so what the receiver gets from a job is, byte for byte,
/// what an in-process call of the same task sends.
/// </summary>
public sealed class InputsTests
{
    private static readonly DateTimeOffset When = new(2024, 2, 29, 10, 30, 15, 123, TimeSpan.FromHours(5.5));

    public static TheoryData<string> Cases() =>
    [
        "anonymous-object",
        "object-holding-a-record",
        "object-holding-a-date",
        "dictionary-with-nested-values",
        "json-element",
        "json-object",
        "typed-values",
        "typed-values-without-place",
    ];

    private static IWebhookTask Make(string name) => name switch
    {
        "anonymous-object" => new JsonValues
        {
            Payload = new { Alpha = 1, Beta = "zwei ä \"q\" <b>", Gamma = new[] { 1.5, -2 }, Delta = (object?)null, Nested = new { Flag = true } },
        },
        "object-holding-a-record" => new JsonValues { Payload = new Place("1 Main St", "Köln") },
        "object-holding-a-date" => new JsonValues { Payload = When },
        "dictionary-with-nested-values" => new JsonValues
        {
            Dict = new Dictionary<string, object>
            {
                ["Number"] = 42,
                ["big"] = 9007199254740993L,
                ["money"] = 1.10m,
                ["text"] = "☃ 💥/x?y#z",
                ["list"] = new List<object> { 1, "two", new Dictionary<string, object> { ["three"] = 3 } },
                ["inner"] = new Dictionary<string, object> { ["x"] = 1.5, ["place"] = new Place("a", "b") },
            },
        },
        "json-element" => new JsonValues
        {
            Element = JsonDocument.Parse("""{"k":[1,"\u00e4",{"z":null}],"big":123456789012345678901234567890,"e":1.0E+2,"s":"\u003Ctag\u003E"}""").RootElement,
        },
        "json-object" => new JsonValues
        {
            Node = new JsonObject { ["a"] = 1, ["b"] = new JsonArray(1, "x", null), ["c"] = new JsonObject { ["d"] = "ö" } },
        },
        "typed-values" => new TypedValues
        {
            Id = "t 1/ü",
            When = When,
            Shade = Shade.DarkBlue,
            Tags = ["a b", "ü", "&="],
            Place = new Place("1 Main St", "Köln"),
        },
        "typed-values-without-place" => new TypedValues { Id = "t-2", Tags = [] },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Job_sends_the_same_bytes_as_an_in_process_call(string name)
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));
        var task = Make(name);
        await task.InvokeAsync(world.Client, TestContext.Current.CancellationToken);

        var id = world.Jobs.EnqueueWebhook(Make(name));
        Assert.True(await world.WaitForEndAsync(id) == SucceededState.StateName, world.LatestState(id));

        var requests = world.Receiver.Requests;
        Assert.Equal(2, requests.Count);
        var (inProcess, fromJob) = (requests[0], requests[1]);
        Assert.Equal(inProcess.RawTarget, fromJob.RawTarget);
        Assert.Equal(inProcess.BodyText, fromJob.BodyText);
        Assert.Equal(inProcess.Body, fromJob.Body);
    }

    [Fact]
    public async Task Json_object_input_can_be_enqueued()
    {
        // Hangfire's Newtonsoft serializer finds a self-referencing loop in a JsonObject.
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));

        var id = world.Jobs.EnqueueWebhook(new JsonValues { Node = new JsonObject { ["a"] = new JsonObject { ["b"] = 1 } } });

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        Assert.Contains("\"node\":{\"a\":{\"b\":1}}", world.Receiver.Single().BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_argument_holds_the_inputs_as_readable_json_and_the_task_name()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));

        var id = world.Jobs.EnqueueWebhook(new TypedValues { Id = "visible-id", Shade = Shade.Light });
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));

        var job = world.Details(id).Job;
        Assert.Equal("typed-values", job.Args[0]);
        var inputs = JsonDocument.Parse(Assert.IsType<WebhookTaskInputs<TypedValues>>(job.Args[1]).Json).RootElement;
        Assert.Equal("visible-id", inputs.GetProperty("id").GetString());

        // Stored (and shown by the dashboard) as the JSON text itself: a JSON string, not an object around it.
        var stored = global::Hangfire.Common.SerializationHelper.Deserialize<string[]>(global::Hangfire.Storage.InvocationData.SerializeJob(job).Arguments);
        Assert.StartsWith("\"", stored[1], StringComparison.Ordinal);
        Assert.Equal(Assert.IsType<WebhookTaskInputs<TypedValues>>(job.Args[1]).Json, global::Hangfire.Common.SerializationHelper.Deserialize<string>(stored[1]));
    }

    [Fact]
    public void Inputs_that_cannot_be_written_are_refused_when_the_job_is_created()
    {
        var jobs = new global::Hangfire.BackgroundJobClient(new global::Hangfire.InMemory.InMemoryStorage());
        var cycle = new Dictionary<string, object>();
        cycle["self"] = cycle;

        var error = Assert.Throws<ArgumentException>(() => { _ = jobs.EnqueueWebhook(new JsonValues { Dict = cycle }); });

        Assert.Contains("json-values", error.Message, StringComparison.Ordinal);
    }
}
