using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace WebhookTasks;

/// <summary>
/// Binds <see cref="WebhookTasksOptions"/> from the section <c>WebhookTasks</c> of the application's
/// <see cref="IConfiguration"/>, when the container has one. Read key by key rather than through the
/// reflection-based binder, so the library stays trimming- and NativeAOT-safe; a value that cannot be
/// read fails with its key, as the binder's would.
/// </summary>
internal sealed class WebhookTasksConfigurationSetup(IServiceProvider services) : IConfigureOptions<WebhookTasksOptions>
{
    public void Configure(WebhookTasksOptions options)
    {
        if (services.GetService<IConfiguration>() is not { } configuration)
        {
            return;
        }

        var section = configuration.GetSection(WebhookTasksOptions.SectionName);
        if (section["Origin"] is { Length: > 0 } origin)
        {
            options.Origin = ReadUri(section, "Origin", origin);
        }

        if (section["DefaultTaskTimeout"] is { Length: > 0 } timeout)
        {
            options.DefaultTaskTimeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw Unreadable(section, "DefaultTaskTimeout", $"'{timeout}' is not a time span such as 00:00:15");
        }

        if (section["MaxResponseBytes"] is { Length: > 0 } cap)
        {
            options.MaxResponseBytes = long.TryParse(cap, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw Unreadable(section, "MaxResponseBytes", $"'{cap}' is not a whole number of bytes");
        }

        foreach (var task in section.GetSection("Tasks").GetChildren())
        {
            if (!options.Tasks.TryGetValue(task.Key, out var settings))
            {
                settings = new WebhookTaskSettings();
                options.Tasks[task.Key] = settings;
            }

            if (task["Origin"] is { Length: > 0 } taskOrigin)
            {
                settings.Origin = ReadUri(task, "Origin", taskOrigin);
            }
        }
    }

    private static Uri ReadUri(IConfigurationSection section, string key, string value) =>
        Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri)
            ? uri
            : throw Unreadable(section, key, "the value is not a URL");

    private static InvalidOperationException Unreadable(IConfigurationSection section, string key, string why) =>
        new($"Configuration value at '{section.Path}{ConfigurationPath.KeyDelimiter}{key}' cannot be read: {why}.");
}

/// <summary>
/// Checks <see cref="WebhookTasksOptions"/> when they are built, and so, through <c>ValidateOnStart</c>, when the
/// application starts: origins are absolute http or https URLs with no path, the timeout and the cap are positive.
/// Messages name the configuration key and never quote more of a URL than its scheme, host and port.
/// </summary>
internal sealed class WebhookTasksOptionsValidator : IValidateOptions<WebhookTasksOptions>
{
    private const string Section = WebhookTasksOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WebhookTasksOptions options)
    {
        var failures = new List<string>();
        CheckOrigin(options.Origin, Section + "Origin", failures);
        foreach (var (task, settings) in options.Tasks)
        {
            CheckOrigin(settings?.Origin, $"{Section}Tasks:{task}:Origin", failures);
        }

        if (options.DefaultTaskTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}DefaultTaskTimeout must be positive, such as 00:00:15; it is {options.DefaultTaskTimeout.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (options.MaxResponseBytes <= 0)
        {
            failures.Add($"{Section}MaxResponseBytes must be a positive number of bytes; it is {options.MaxResponseBytes.ToString(CultureInfo.InvariantCulture)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckOrigin(Uri? origin, string key, List<string> failures)
    {
        if (origin is null)
        {
            return;
        }

        if (!origin.IsAbsoluteUri || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps))
        {
            var scheme = origin.IsAbsoluteUri ? $" (its scheme is '{origin.Scheme}')" : " (it is relative)";
            failures.Add($"{key} must be an absolute http or https URL with no path, such as https://hooks.example.com{scheme}.");
        }
        else if (origin.AbsolutePath != "/" || origin.Query.Length != 0 || origin.Fragment.Length != 0 || origin.UserInfo.Length != 0)
        {
            failures.Add($"{key} gives only a scheme, host and port, with no path, query or user; '{origin.GetLeftPart(UriPartial.Authority)}' would be valid.");
        }
    }
}

/// <summary>Tells the options monitor when the <c>WebhookTasks</c> section changes, so a reloaded file takes effect for new clients.</summary>
internal sealed class WebhookTasksConfigurationChangeTokenSource(IServiceProvider services) : IOptionsChangeTokenSource<WebhookTasksOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() =>
        services.GetService<IConfiguration>()?.GetReloadToken() ?? new CancellationChangeToken(CancellationToken.None);
}
