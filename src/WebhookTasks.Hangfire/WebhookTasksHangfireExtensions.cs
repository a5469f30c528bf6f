using System;
using Hangfire;

namespace WebhookTasks.Hangfire;

/// <summary>Configures how Hangfire runs webhook jobs.</summary>
public static class WebhookTasksHangfireExtensions
{
    /// <summary>
    /// Sets the retry options that <see cref="WebhookJobFilterAttribute"/> applies to every webhook job. Like
    /// Hangfire's own configuration they are process-wide: the last call wins, and each server process that runs
    /// webhook jobs should make the same call. Without a call, the defaults of <see cref="WebhookRetryOptions"/> apply.
    /// </summary>
    /// <param name="configuration">Hangfire's configuration, such as <c>GlobalConfiguration.Configuration</c> or the one <c>services.AddHangfire</c> passes.</param>
    /// <param name="configure">Changes the options, which start at their defaults; <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="configuration"/>, to chain further calls.</returns>
    /// <exception cref="ArgumentException">
    /// The options are inconsistent (no delays while retries are allowed, or a negative delay), or
    /// <paramref name="configure"/> set one out of range (an <see cref="ArgumentOutOfRangeException"/>, such as a negative
    /// <see cref="WebhookRetryOptions.MaxRetryAfter"/>).
    /// </exception>
    public static IGlobalConfiguration UseWebhookTasks(this IGlobalConfiguration configuration, Action<WebhookRetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WebhookRetryOptions();
        configure?.Invoke(options);
        WebhookRetryOptions.SetCurrent(options.Freeze());
        return configuration;
    }
}
