using System;
using System.Collections.Generic;
using System.Text;

namespace WebhookTasks;

/// <summary>Resolves the secrets that tasks declare with <see cref="SecretAttribute"/>.</summary>
public interface IWebhookSecretProvider
{
    /// <summary>Returns the secret's value, or <see langword="null"/> when this provider has none.</summary>
    /// <param name="name">The secret's name as declared, such as <c>slack_url</c>.</param>
    string? GetSecret(string name);

    /// <summary>Says where <see cref="GetSecret"/> looks for a name, for the error raised when it is missing.</summary>
    /// <param name="name">The secret's name.</param>
    string DescribeLookup(string name);
}

/// <summary>
/// Reads secrets from environment variables: <c>WEBHOOKTASKS_SECRET_</c> followed by the secret's
/// name in upper case, with every character other than a letter or digit replaced by <c>_</c>
/// (<c>slack_url</c> is read from <c>WEBHOOKTASKS_SECRET_SLACK_URL</c>). The default provider.
/// </summary>
public sealed class EnvironmentSecretProvider : IWebhookSecretProvider
{
    /// <summary>The prefix of every variable this provider reads.</summary>
    public const string Prefix = "WEBHOOKTASKS_SECRET_";

    /// <summary>The shared instance.</summary>
    public static EnvironmentSecretProvider Instance { get; } = new();

    /// <summary>The environment variable that holds a secret.</summary>
    /// <param name="name">The secret's name.</param>
    public static string VariableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var variable = new StringBuilder(Prefix, Prefix.Length + name.Length);
        foreach (var c in name)
        {
            variable.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? char.ToUpperInvariant(c) : '_');
        }

        return variable.ToString();
    }

    /// <inheritdoc />
    public string? GetSecret(string name) => Environment.GetEnvironmentVariable(VariableName(name));

    /// <inheritdoc />
    public string DescribeLookup(string name) => $"environment variable {VariableName(name)}";
}

/// <summary>Secrets held in memory, for tests and for callers that resolve secrets themselves.</summary>
public sealed class DictionarySecretProvider : IWebhookSecretProvider
{
    private readonly IReadOnlyDictionary<string, string> _secrets;

    /// <summary>Creates a provider over the given name/value pairs; names are matched exactly.</summary>
    /// <param name="secrets">The secrets by name.</param>
    public DictionarySecretProvider(IReadOnlyDictionary<string, string> secrets)
    {
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
    }

    /// <inheritdoc />
    public string? GetSecret(string name) => _secrets.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public string DescribeLookup(string name) => "the secrets given to DictionarySecretProvider";
}
