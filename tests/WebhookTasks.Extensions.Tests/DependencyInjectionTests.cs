using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Xunit;
using WebhookTasks.Tests;

namespace WebhookTasks.Extensions.Tests;

public sealed class DependencyInjectionTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void AddWebhookTasksReturnsTheBuilderOfTheNamedWebhookTasksClient()
    {
        var services = Container.Services(Container.Configuration());

        var builder = services.AddWebhookTasks();

        Assert.Equal("WebhookTasks", builder.Name);
        Assert.Equal(WebhookTasksServiceCollectionExtensions.HttpClientName, builder.Name);
    }

    [Fact]
    public async Task ResolvedClientSendsThroughAHandlerAddedToTheBuilder()
    {
        await using var receiver = await Receiver.StartAsync();
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks().AddHttpMessageHandler(() => new StampHandler());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<WebhookClient>();
        await new NotifyTask { Id = 1, Text = "hi" }.InvokeAsync(client, Cancellation);

        Assert.Equal("yes", receiver.Single().Header("X-Stamped"));
    }

    [Fact]
    public async Task ResolvedClientDoesNotFollowRedirects()
    {
        await using var receiver = await Receiver.StartAsync(request => request.RawPath == "/moved"
            ? new Reply(200, "followed")
            : new Reply(302) { Headers = [new("Location", "/moved")] });
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks();
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() =>
            new NotifyTask { Id = 1 }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation));

        Assert.Equal(302, error.StatusCode);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task ResolvedClientHasNoClientWideTimeoutSoTheTaskTimeoutGoverns()
    {
        var services = Container.Services(Container.Configuration());
        services.AddWebhookTasks();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<WebhookClient>();

        Assert.Equal(Timeout.InfiniteTimeSpan, client.HttpClient.Timeout);
    }

    [Fact]
    public async Task SecretProviderRegisteredByTheApplicationIsUsed()
    {
        await using var receiver = await Receiver.StartAsync();
        var services = Container.Services(Container.Configuration(("WebhookTasks:Secrets:hook_url", "http://example.invalid/from-configuration")));
        services.AddSingleton<IWebhookSecretProvider>(new DictionarySecretProvider(new System.Collections.Generic.Dictionary<string, string>
        {
            ["hook_url"] = new Uri(receiver.Origin, "/from-the-application").ToString(),
        }));
        services.AddWebhookTasks();
        await using var provider = services.BuildServiceProvider();

        await new HookTask { Text = "x" }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal("/from-the-application", receiver.Single().RawPath);
    }

    [Fact]
    public async Task ClientResolvedWithoutAnyConfigurationReadsSecretsFromTheEnvironment()
    {
        var services = new ServiceCollection();
        services.AddWebhookTasks();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<WebhookClient>();

        Assert.Same(EnvironmentSecretProvider.Instance, client.Options.SecretProvider);
    }

    [Fact]
    public async Task StandardResilienceHandlerRetriesA503UntilThe200()
    {
        var calls = 0;
        await using var receiver = await Receiver.StartAsync(_ => Interlocked.Increment(ref calls) == 1 ? new Reply(503, "busy") : new Reply(200, "done"));
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks().AddStandardResilienceHandler(options => options.Retry.Delay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider();

        var result = await new NotifyTask { Id = 7, Text = "deployed" }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("done", result.ResponseData);
        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("""{"text":"deployed"}""", request.BodyText);
        });
    }

    [Fact]
    public async Task StandardResilienceHandlerWithUnsafeMethodsDisabledSendsAPostOnce()
    {
        await using var receiver = await Receiver.StartAsync(new Reply(503, "busy"));
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks().AddStandardResilienceHandler(options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
            options.Retry.DisableForUnsafeHttpMethods();
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<WebhookFailedException>(() =>
            new NotifyTask { Id = 7 }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task StandardResilienceHandlerWithUnsafeMethodsDisabledStillRetriesAGet()
    {
        var calls = 0;
        await using var receiver = await Receiver.StartAsync(_ => Interlocked.Increment(ref calls) == 1 ? new Reply(503, "busy") : new Reply(200, "found"));
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", receiver.Origin.ToString())));
        services.AddWebhookTasks().AddStandardResilienceHandler(options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
            options.Retry.DisableForUnsafeHttpMethods();
        });
        await using var provider = services.BuildServiceProvider();

        var result = await new LookupTask { Q = "a" }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task OptionsSetInCodeWinOverConfiguration()
    {
        await using var receiver = await Receiver.StartAsync();
        var services = Container.Services(Container.Configuration(("WebhookTasks:Origin", "http://127.0.0.1:9")));
        services.AddWebhookTasks(options => options.Origin = receiver.Origin);
        await using var provider = services.BuildServiceProvider();

        await new NotifyTask { Id = 3 }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal("/notes/3", receiver.Single().RawPath);
    }

    [Fact]
    public async Task ReloadedConfigurationReachesClientsResolvedAfterIt()
    {
        await using var first = await Receiver.StartAsync();
        await using var second = await Receiver.StartAsync();
        var configuration = Container.Configuration(("WebhookTasks:Origin", first.Origin.ToString()));
        var services = Container.Services(configuration);
        services.AddWebhookTasks();
        await using var provider = services.BuildServiceProvider();
        await new NotifyTask { Id = 1 }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        configuration["WebhookTasks:Origin"] = second.Origin.ToString();
        configuration.Reload();
        await new NotifyTask { Id = 2 }.InvokeAsync(provider.GetRequiredService<WebhookClient>(), Cancellation);

        Assert.Equal("/notes/1", first.Single().RawPath);
        Assert.Equal("/notes/2", second.Single().RawPath);
    }

    private sealed class StampHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Stamped", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
