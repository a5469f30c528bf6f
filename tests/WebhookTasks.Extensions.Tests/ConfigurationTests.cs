using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;
using WebhookTasks.Tests;

namespace WebhookTasks.Extensions.Tests;

/// <summary>The section WebhookTasks of IConfiguration, as a host reads it, end to end against receivers.</summary>
public sealed class ConfigurationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TaskOriginFromConfigurationSendsThatTaskThereAndOthersToTheGlobalOrigin()
    {
        await using var notifyReceiver = await Receiver.StartAsync();
        await using var otherReceiver = await Receiver.StartAsync();
        using var host = await StartHostAsync(
            ("WebhookTasks:Origin", otherReceiver.Origin.ToString()),
            ("WebhookTasks:Tasks:notify:Origin", notifyReceiver.Origin.ToString()));
        var client = host.Services.GetRequiredService<WebhookClient>();

        await new NotifyTask { Id = 5, Text = "a" }.InvokeAsync(client, Cancellation);
        await new LookupTask { Q = "b" }.InvokeAsync(client, Cancellation);

        Assert.Equal("/notes/5", notifyReceiver.Single().RawPath);
        Assert.Equal("/lookup?q=b", otherReceiver.Single().RawTarget);
    }

    [Fact]
    public async Task TaskOriginKeyMatchesTheTaskNameIgnoringCase()
    {
        await using var receiver = await Receiver.StartAsync();
        using var host = await StartHostAsync(("WebhookTasks:Tasks:NOTIFY:Origin", receiver.Origin.ToString()));

        await new NotifyTask { Id = 6 }.InvokeAsync(host.Services.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal("/notes/6", receiver.Single().RawPath);
    }

    [Fact]
    public async Task SecretFromConfigurationIsSentAndMaskedInTheResult()
    {
        await using var receiver = await Receiver.StartAsync();
        var hookUrl = new Uri(receiver.Origin, "/services/T1/B2/secret-token").ToString();
        using var host = await StartHostAsync(("WebhookTasks:Secrets:hook_url", hookUrl));

        var result = await new HookTask { Text = "hi" }.InvokeAsync(host.Services.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal("/services/T1/B2/secret-token", receiver.Single().RawPath);
        Assert.DoesNotContain("secret-token", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSecretNamesTheConfigurationKeyAndItsEnvironmentVariable()
    {
        using var host = await StartHostAsync();

        var error = await Assert.ThrowsAsync<WebhookSecretNotFoundException>(() =>
            new HookTask().InvokeAsync(host.Services.GetRequiredService<WebhookClient>(), Cancellation));

        Assert.Equal("hook_url", error.SecretName);
        Assert.Contains("configuration key WebhookTasks:Secrets:hook_url", error.Message, StringComparison.Ordinal);
        Assert.Contains("WebhookTasks__Secrets__hook_url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultTaskTimeoutFromConfigurationEndsASlowCall()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, "late") { Delay = TimeSpan.FromSeconds(20) });
        using var host = await StartHostAsync(("WebhookTasks:Origin", receiver.Origin.ToString()), ("WebhookTasks:DefaultTaskTimeout", "00:00:00.300"));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => new NotifyTask().InvokeAsync(host.Services.GetRequiredService<WebhookClient>(), Cancellation));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task MaxResponseBytesFromConfigurationCapsTheResponse()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(200, new string('x', 100)));
        using var host = await StartHostAsync(("WebhookTasks:Origin", receiver.Origin.ToString()), ("WebhookTasks:MaxResponseBytes", "64"));

        var error = await Assert.ThrowsAsync<WebhookResponseTooLargeException>(() =>
            new NotifyTask().InvokeAsync(host.Services.GetRequiredService<WebhookClient>(), Cancellation));

        Assert.Equal(64, error.MaxResponseBytes);
    }

    [Fact]
    public async Task ValidConfigurationBindsEveryOption()
    {
        using var host = await StartHostAsync(
            ("WebhookTasks:Origin", "http://127.0.0.1:5000"),
            ("WebhookTasks:Tasks:notify:Origin", "https://hooks.staging.example.com"),
            ("WebhookTasks:DefaultTaskTimeout", "00:00:42"),
            ("WebhookTasks:MaxResponseBytes", "4096"));

        var options = host.Services.GetRequiredService<IOptions<WebhookTasksOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5000"), options.Origin);
        Assert.Equal(new Uri("https://hooks.staging.example.com"), options.Tasks["notify"].Origin);
        Assert.Equal(TimeSpan.FromSeconds(42), options.DefaultTaskTimeout);
        Assert.Equal(4096, options.MaxResponseBytes);
    }

    [Theory]
    [InlineData("WebhookTasks:Tasks:notify:Origin", "ftp://hooks.example.com", "WebhookTasks:Tasks:notify:Origin must be an absolute http or https URL")]
    [InlineData("WebhookTasks:Origin", "hooks.example.com", "WebhookTasks:Origin must be an absolute http or https URL")]
    [InlineData("WebhookTasks:DefaultTaskTimeout", "00:00:00", "WebhookTasks:DefaultTaskTimeout must be positive")]
    [InlineData("WebhookTasks:DefaultTaskTimeout", "-00:00:05", "WebhookTasks:DefaultTaskTimeout must be positive")]
    [InlineData("WebhookTasks:MaxResponseBytes", "0", "WebhookTasks:MaxResponseBytes must be a positive number of bytes")]
    public async Task InvalidValueFailsStartUpNamingItsKey(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync((key, value)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OriginWithAPathFailsStartUpQuotingOnlyItsSchemeHostAndPort()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartHostAsync(("WebhookTasks:Tasks:hook:Origin", "https://hooks.slack.com/services/T1/B2/secret-token")));

        Assert.Contains("WebhookTasks:Tasks:hook:Origin gives only a scheme, host and port", error.Message, StringComparison.Ordinal);
        Assert.Contains("'https://hooks.slack.com' would be valid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryInvalidValueIsReportedAtOnce()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartHostAsync(("WebhookTasks:Origin", "ftp://x"), ("WebhookTasks:MaxResponseBytes", "-1")));

        Assert.Equal(2, error.Failures.Count());
    }

    [Theory]
    [InlineData("WebhookTasks:DefaultTaskTimeout", "soon")]
    [InlineData("WebhookTasks:MaxResponseBytes", "1MB")]
    public async Task UnreadableValueFailsStartUpNamingItsKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartHostAsync((key, value)));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Builds and starts a generic host with the given configuration and AddWebhookTasks, as an application does.</summary>
    private static async Task<IHost> StartHostAsync(params (string Key, string? Value)[] values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(Container.Configuration(values));
        builder.Services.AddWebhookTasks();
        var host = builder.Build();
        try
        {
            await host.StartAsync(Cancellation);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
