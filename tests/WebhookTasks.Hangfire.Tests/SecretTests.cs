using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Encodings.Web;
using System.Threading;
using System.Threading.Tasks;
using Hangfire.States;
using WebhookTasks.Tests;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

public sealed class SecretTests
{
    // Its core survives every encoding; the rest changes under percent and JSON encoding.
    private const string Core = "Zq7s3cr3tCore";
    private const string Secret = Core + "/ä+\"x y";
    private const string Label = "visible-label-4711";

    private static DictionarySecretProvider Secrets() => new(new Dictionary<string, string> { ["token"] = Secret });

    /// <summary>The forms a secret could take in stored text.</summary>
    private static IEnumerable<string> Forms() =>
    [
        Secret,
        Core,
        Uri.EscapeDataString(Secret),
        WebUtility.UrlEncode(Secret),
        System.Text.Json.JsonSerializer.Serialize(Secret).Trim('"'),
        System.Text.Json.JsonSerializer.Serialize(Secret, new System.Text.Json.JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Trim('"'),
        Newtonsoft.Json.JsonConvert.ToString(Secret).Trim('"'),
    ];

    private static void AssertNoSecretIn(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var form in Forms())
            {
                Assert.False(text.Contains(form, StringComparison.Ordinal), $"Stored text holds the secret as '{form}': {text}");
            }
        }
    }

    [Fact]
    public async Task Missing_secret_fails_at_once_without_a_request()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"));

        var id = world.Jobs.EnqueueWebhook(new SecretPost { N = 1 });

        Assert.Equal(FailedState.StateName, await world.WaitForEndAsync(id));
        Assert.Empty(world.Receiver.Requests);
        Assert.Equal([EnqueuedState.StateName, ProcessingState.StateName, FailedState.StateName], world.History(id));
        Assert.Equal(typeof(WebhookSecretNotFoundException).FullName, world.Details(id).History.First().Data["ExceptionType"]);
    }

    [Fact]
    public async Task Secret_is_resolved_by_the_worker_and_sent()
    {
        await using var world = await Harness.StartAsync(new Reply(200, "ok"), Secrets());

        var id = world.Jobs.EnqueueWebhook(new SecretPost { N = 2, Label = Label });

        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));
        var received = world.Receiver.Single();
        Assert.Equal("Bearer " + Secret, received.Header("Authorization"));
        Assert.Contains(Uri.EscapeDataString(Secret), received.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_is_in_no_stored_job_data_even_when_the_receiver_echoes_it()
    {
        // The receiver echoes what it got (URL, headers, body) in its answers, first a 503 and then a 200, so the
        // secret comes back in an exception message and in the response data.
        var calls = 0;
        await using var world = await Harness.StartAsync(
            request => new Reply(Interlocked.Increment(ref calls) == 1 ? 503 : 200, Echo(request)),
            Secrets());

        var id = world.Jobs.EnqueueWebhook(new SecretPost { N = 3, Label = Label });
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));

        var stored = StorageText.OfJobs(world.Storage, [id]);
        Assert.Contains(stored, text => text.Contains(Label, StringComparison.Ordinal));
        Assert.Contains(stored, text => text.Contains("***", StringComparison.Ordinal));
        AssertNoSecretIn(stored);
    }

    [Fact]
    public async Task Secret_is_nowhere_in_the_storage_memory()
    {
        var calls = 0;
        await using var world = await Harness.StartAsync(
            request => new Reply(Interlocked.Increment(ref calls) == 1 ? 500 : 200, Echo(request)),
            Secrets());

        var id = world.Jobs.EnqueueWebhook(new SecretPost { N = 4, Label = Label });
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));

        var everything = StorageText.InMemory(world.Storage);
        Assert.Contains(everything, text => text.Contains(Label, StringComparison.Ordinal));
        AssertNoSecretIn(everything);
    }

    [Fact]
    public async Task Stored_result_masks_the_secret_in_url_data_and_response()
    {
        await using var world = await Harness.StartAsync(request => new Reply(200, Echo(request)), Secrets());

        var id = world.Jobs.EnqueueWebhook(new SecretPost { N = 5, Label = Label });
        Assert.Equal(SucceededState.StateName, await world.WaitForEndAsync(id));

        var result = world.Result(id);
        Assert.Equal(world.Receiver.Origin + "hooks/***?sig=***", result.Url);
        Assert.Contains("\"auth\":\"***\"", result.InputData, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", result.ResponseData, StringComparison.Ordinal);
    }

    private static string Echo(ReceivedRequest request) =>
        request.RawTarget + "\n" + string.Join("\n", request.Headers.Select(h => h.Key + ": " + h.Value)) + "\n" + request.BodyText;
}
