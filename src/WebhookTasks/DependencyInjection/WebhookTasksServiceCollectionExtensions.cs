using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookTasks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WebhookTasks with dependency injection.</summary>
public static class WebhookTasksServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> that registered clients send with: <c>WebhookTasks</c>.</summary>
    public const string HttpClientName = "WebhookTasks";

    /// <summary>
    /// Registers <see cref="WebhookClient"/> as a typed client of <see cref="System.Net.Http.IHttpClientFactory"/>, with
    /// <see cref="WebhookTasksOptions"/> bound from the configuration section <c>WebhookTasks</c> and validated at start-up,
    /// secrets read from <c>WebhookTasks:Secrets</c> (<see cref="ConfigurationSecretProvider"/>), logging to
    /// <see cref="ILogger{WebhookClient}"/>, and metrics on a meter from <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.
    /// </summary>
    /// <remarks>
    /// The client's primary handler is <see cref="WebhookClient.CreateDefaultHandler"/> (no redirects followed), it has no
    /// client-wide timeout (each task has its own, which covers every retry), and HttpClientFactory's own request logging is
    /// removed, because it would log each URL in full, secrets and query included; the client logs each invocation instead.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <returns>The builder of the named client <see cref="HttpClientName"/>, to add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
    public static IHttpClientBuilder AddWebhookTasks(this IServiceCollection services) => services.AddWebhookTasks(null);

    /// <summary>
    /// Registers <see cref="WebhookClient"/> as <see cref="AddWebhookTasks(IServiceCollection)"/> does, then lets code
    /// change the bound options.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options after they are bound from configuration; <see langword="null"/> for none.</param>
    /// <returns>The builder of the named client <see cref="HttpClientName"/>, to add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
    public static IHttpClientBuilder AddWebhookTasks(this IServiceCollection services, Action<WebhookTasksOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<WebhookTasksOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<WebhookTasksOptions>, WebhookTasksConfigurationSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookTasksOptions>, WebhookTasksOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<WebhookTasksOptions>, WebhookTasksConfigurationChangeTokenSource>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IWebhookSecretProvider>(static provider =>
            provider.GetService<IConfiguration>() is { } configuration
                ? new ConfigurationSecretProvider(configuration)
                : EnvironmentSecretProvider.Instance);
        services.TryAddSingleton(static provider => WebhookInstruments.Create(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));

        return services
            .AddHttpClient(HttpClientName)
            .AddTypedClient(static (System.Net.Http.HttpClient httpClient, IServiceProvider provider) => CreateWebhookClient(httpClient, provider))
            .ConfigurePrimaryHttpMessageHandler(static () => WebhookClient.CreateDefaultHandler())
            .ConfigureHttpClient(static httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }

    private static WebhookClient CreateWebhookClient(System.Net.Http.HttpClient httpClient, IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<WebhookTasksOptions>>().CurrentValue;
        var secrets = provider.GetRequiredService<IWebhookSecretProvider>();
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<WebhookClient>();
        return new WebhookClient(httpClient, options.ToClientOptions(secrets), logger, provider.GetRequiredService<WebhookInstruments>());
    }
}
