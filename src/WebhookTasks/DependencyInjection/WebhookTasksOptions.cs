using System;
using System.Collections.Generic;
using System.Text.Json;

namespace WebhookTasks;

/// <summary>
/// The settings of the <see cref="WebhookClient"/> that <c>services.AddWebhookTasks()</c> registers, bound from the
/// configuration section <c>WebhookTasks</c> and validated when the application starts.
/// </summary>
/// <remarks>
/// <code language="json">
/// "WebhookTasks": {
///   "Origin": "http://127.0.0.1:5000",
///   "DefaultTaskTimeout": "00:00:15",
///   "MaxResponseBytes": 65536,
///   "Tasks": { "notify-deploy": { "Origin": "https://hooks.staging.example.com" } },
///   "Secrets": { "slack_url": "..." }
/// }
/// </code>
/// Secrets are not options: <see cref="ConfigurationSecretProvider"/> reads <c>WebhookTasks:Secrets:&lt;name&gt;</c>
/// when a task is rendered.
/// </remarks>
public sealed class WebhookTasksOptions
{
    /// <summary>The configuration section the options are bound from: <c>WebhookTasks</c>.</summary>
    public const string SectionName = "WebhookTasks";

    /// <summary>
    /// Scheme, host and port that replace those of every task's URL (<c>WebhookTasks:Origin</c>); see
    /// <see cref="WebhookClientOptions.Origin"/>. An absolute http or https URL with no path.
    /// </summary>
    public Uri? Origin { get; set; }

    /// <summary>
    /// Settings per task, by task name (<c>WebhookTasks:Tasks:&lt;name&gt;</c>); names are matched ignoring case,
    /// as configuration keys are.
    /// </summary>
    public IDictionary<string, WebhookTaskSettings> Tasks { get; } = new Dictionary<string, WebhookTaskSettings>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The timeout of tasks that set no <c>TimeoutSeconds</c> (<c>WebhookTasks:DefaultTaskTimeout</c>, such as <c>00:00:15</c>). Positive.</summary>
    public TimeSpan DefaultTaskTimeout { get; set; } = WebhookClientOptions.DefaultTimeout;

    /// <summary>The most bytes of a response body that are read (<c>WebhookTasks:MaxResponseBytes</c>). Positive.</summary>
    public long MaxResponseBytes { get; set; } = WebhookClientOptions.DefaultMaxResponseBytes;

    /// <summary>
    /// Options for writing object inputs; see <see cref="WebhookClientOptions.JsonSerializerOptions"/>. Set in code
    /// (there is no configuration key); the library's defaults when <see langword="null"/>.
    /// </summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    internal WebhookClientOptions ToClientOptions(IWebhookSecretProvider secrets)
    {
        var taskOrigins = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, settings) in Tasks)
        {
            if (settings?.Origin is { } origin)
            {
                taskOrigins[name] = origin;
            }
        }

        var options = new WebhookClientOptions
        {
            Origin = Origin,
            TaskOrigins = taskOrigins,
            SecretProvider = secrets,
            DefaultTaskTimeout = DefaultTaskTimeout,
            MaxResponseBytes = MaxResponseBytes,
        };
        return JsonSerializerOptions is null
            ? options
            : new WebhookClientOptions
            {
                Origin = options.Origin,
                TaskOrigins = options.TaskOrigins,
                SecretProvider = options.SecretProvider,
                DefaultTaskTimeout = options.DefaultTaskTimeout,
                MaxResponseBytes = options.MaxResponseBytes,
                JsonSerializerOptions = JsonSerializerOptions,
            };
    }
}

/// <summary>The settings of one task in <see cref="WebhookTasksOptions.Tasks"/>.</summary>
public sealed class WebhookTaskSettings
{
    /// <summary>
    /// Scheme, host and port that replace those of this task's URL (<c>WebhookTasks:Tasks:&lt;name&gt;:Origin</c>);
    /// wins over <see cref="WebhookTasksOptions.Origin"/>. An absolute http or https URL with no path.
    /// </summary>
    public Uri? Origin { get; set; }
}
