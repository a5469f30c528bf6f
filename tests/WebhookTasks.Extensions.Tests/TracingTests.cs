using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using WebhookTasks.Tests;

namespace WebhookTasks.Extensions.Tests;

public sealed class TracingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvocationIsOneSpanNamedAfterTheTaskWithTaskMethodStatusAndOutcome()
    {
        using var spans = new SpanRecorder();
        await using var receiver = await Receiver.StartAsync();

        await new NotifyTask { Id = 1 }.InvokeAsync(receiver.Client(), Cancellation);

        var span = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        Assert.Equal("webhook notify", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal("notify", span.GetTagItem(WebhookTelemetry.TaskTag));
        Assert.Equal("POST", span.GetTagItem(WebhookTelemetry.MethodTag));
        Assert.Equal(200, span.GetTagItem(WebhookTelemetry.StatusCodeTag));
        Assert.Equal(WebhookOutcome.Success, span.GetTagItem(WebhookTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task HttpClientSpanIsAChildOfTheWebhookSpan()
    {
        using var spans = new SpanRecorder();
        await using var receiver = await Receiver.StartAsync();

        await new NotifyTask { Id = 1 }.InvokeAsync(receiver.Client(), Cancellation);

        var webhook = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        var http = Assert.Single(spans.From("System.Net.Http"));
        Assert.Equal(webhook.SpanId, http.ParentSpanId);
        Assert.Equal(ActivityKind.Client, http.Kind);
    }

    [Fact]
    public async Task ReceiverGetsTheTraceOfTheWebhookSpan()
    {
        using var spans = new SpanRecorder();
        await using var receiver = await Receiver.StartAsync();

        await new NotifyTask { Id = 1 }.InvokeAsync(receiver.Client(), Cancellation);

        var webhook = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        Assert.StartsWith($"00-{webhook.TraceId}-", receiver.Single().Header("traceparent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedInvocationIsStillOneWebhookSpanOverEveryAttempt()
    {
        using var spans = new SpanRecorder();
        var calls = 0;
        await using var receiver = await Receiver.StartAsync(_ => Interlocked.Increment(ref calls) == 1 ? new Reply(503) : new Reply(200));
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks().AddStandardResilienceHandler(options => options.Retry.Delay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider();

        await new NotifyTask().InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        var webhook = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        var attempts = spans.From("System.Net.Http");
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, attempt => Assert.Equal(webhook.TraceId, attempt.TraceId));
    }

    [Fact]
    public async Task StatusOutside2xxMakesAnErrorSpanWithTheStatusAsErrorType()
    {
        using var spans = new SpanRecorder();
        await using var receiver = await Receiver.StartAsync(new Reply(502, "bad gateway"));

        await Assert.ThrowsAsync<WebhookFailedException>(() => new NotifyTask().InvokeAsync(receiver.Client(), Cancellation));

        var span = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(WebhookOutcome.HttpError, span.StatusDescription);
        Assert.Equal(WebhookOutcome.HttpError, span.GetTagItem(WebhookTelemetry.OutcomeTag));
        Assert.Equal(502, span.GetTagItem(WebhookTelemetry.StatusCodeTag));
        Assert.Equal("502", span.GetTagItem(WebhookTelemetry.ErrorTypeTag));
    }

    [Fact]
    public async Task RefusedInputMakesASpanWithOutcomeNotSentAndNoHttpSpan()
    {
        using var spans = new SpanRecorder();
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client(secrets: new DictionarySecretProvider(new System.Collections.Generic.Dictionary<string, string> { ["hook_url"] = "not a url" }));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => new HookTask().InvokeAsync(client, Cancellation));

        var span = Assert.Single(spans.From(WebhookTelemetry.SourceName));
        Assert.Equal(WebhookOutcome.NotSent, span.GetTagItem(WebhookTelemetry.OutcomeTag));
        Assert.Empty(spans.From("System.Net.Http"));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task SpanTagsCarryNoUrlSecretOrQueryValue()
    {
        using var spans = new SpanRecorder();
        await using var receiver = await Receiver.StartAsync();
        var client = receiver.Client(secrets: new DictionarySecretProvider(new System.Collections.Generic.Dictionary<string, string>
        {
            ["hook_url"] = new Uri(receiver.Origin, "/services/path-secret?sig=query-secret").ToString(),
        }));

        await new HookTask { Text = "body-text" }.InvokeAsync(client, Cancellation);
        await new LookupTask { Q = "query-value" }.InvokeAsync(client, Cancellation);

        var webhookSpans = spans.From(WebhookTelemetry.SourceName);
        Assert.Equal(2, webhookSpans.Count);
        var text = string.Join("\n", webhookSpans.SelectMany(span => span.TagObjects.Select(tag => tag.Key + "=" + tag.Value).Append(span.DisplayName)));
        Assert.All(new[] { "path-secret", "query-secret", "query-value", "body-text", "127.0.0.1" }, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }
}
