using System;
using Microsoft.Extensions.Configuration;

namespace WebhookTasks;

/// <summary>
/// Reads secrets from configuration: the value of key <c>&lt;name&gt;</c> under a section, by default
/// <c>WebhookTasks:Secrets</c>, so <c>{secrets.slack_url}</c> reads <c>WebhookTasks:Secrets:slack_url</c>, which the
/// environment variable <c>WebhookTasks__Secrets__slack_url</c>, user secrets or a vault provider can supply.
/// Values are read when a task is rendered, so a reloaded configuration is seen. An empty value counts as missing.
/// The provider <c>services.AddWebhookTasks()</c> registers unless another <see cref="IWebhookSecretProvider"/> is.
/// </summary>
public sealed class ConfigurationSecretProvider : IWebhookSecretProvider
{
    /// <summary>The section secrets are read from unless another is given: <c>WebhookTasks:Secrets</c>.</summary>
    public const string DefaultSectionPath = WebhookTasksOptions.SectionName + ":Secrets";

    private readonly IConfiguration _secrets;
    private readonly string _path;

    /// <summary>Creates a provider over the section <c>WebhookTasks:Secrets</c> of a configuration.</summary>
    /// <param name="configuration">The application's configuration.</param>
    public ConfigurationSecretProvider(IConfiguration configuration)
        : this(configuration, DefaultSectionPath)
    {
    }

    /// <summary>Creates a provider over a section of a configuration.</summary>
    /// <param name="configuration">The application's configuration.</param>
    /// <param name="sectionPath">The section whose keys are secret names, such as <c>Webhooks:Secrets</c>.</param>
    public ConfigurationSecretProvider(IConfiguration configuration, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(sectionPath);
        _secrets = configuration.GetSection(sectionPath);
        _path = sectionPath;
    }

    /// <inheritdoc />
    public string? GetSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _secrets[name] is { Length: > 0 } value ? value : null;
    }

    /// <inheritdoc />
    public string DescribeLookup(string name)
    {
        var key = _path + ConfigurationPath.KeyDelimiter + name;
        return $"configuration key {key}, which the environment variable {key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal)} can set";
    }
}
