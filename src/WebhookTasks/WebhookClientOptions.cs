using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebhookTasks;

/// <summary>Settings of a <see cref="WebhookClient"/>.</summary>
public sealed class WebhookClientOptions
{
    /// <summary>The response cap unless set: 1 MiB.</summary>
    public const long DefaultMaxResponseBytes = 1024 * 1024;

    /// <summary>The timeout of a task that sets none: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Uri? _origin;
    private readonly IReadOnlyDictionary<string, Uri> _taskOrigins = new Dictionary<string, Uri>();
    private readonly long _maxResponseBytes = DefaultMaxResponseBytes;
    private readonly TimeSpan _timeout = DefaultTimeout;
    private readonly JsonSerializerOptions _jsonSerializerOptions = DefaultJsonOptions;

    /// <summary>
    /// Scheme, host and port that replace those of every task's URL (its path and query stay),
    /// so tests and staging can point tasks elsewhere. Must be an absolute http or https URL with no path.
    /// </summary>
    public Uri? Origin
    {
        get => _origin;
        init => _origin = value is null ? null : ValidateOrigin(value, nameof(Origin));
    }

    /// <summary>Per-task origins by task name; they win over <see cref="Origin"/>.</summary>
    public IReadOnlyDictionary<string, Uri> TaskOrigins
    {
        get => _taskOrigins;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var pair in value)
            {
                ValidateOrigin(pair.Value, $"{nameof(TaskOrigins)}[{pair.Key}]");
            }

            _taskOrigins = value;
        }
    }

    /// <summary>Resolves <c>{secrets.name}</c>; environment variables unless set (see <see cref="EnvironmentSecretProvider"/>).</summary>
    public IWebhookSecretProvider SecretProvider { get; init; } = EnvironmentSecretProvider.Instance;

    /// <summary>
    /// Options for writing inputs that are objects (anything but scalars and collections of scalars).
    /// Give options whose <see cref="JsonSerializerOptions.TypeInfoResolver"/> is a source-generated
    /// <c>JsonSerializerContext</c> to stay trimming- and NativeAOT-safe.
    /// </summary>
    /// <remarks>Options without a <see cref="JsonSerializerOptions.TypeInfoResolver"/> get System.Text.Json's default one
    /// (reflection, where the application allows it), as <see cref="JsonSerializer"/> itself would give them.</remarks>
    public JsonSerializerOptions JsonSerializerOptions
    {
        get => _jsonSerializerOptions;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.TypeInfoResolver is null && !value.IsReadOnly && ReflectionResolver() is { } resolver)
            {
                value.TypeInfoResolver = resolver;
            }

            _jsonSerializerOptions = value;
        }
    }

    /// <summary>The most bytes of a response body that are read; a longer response fails the call. 1 MiB unless set.</summary>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        init => _maxResponseBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), value, "The response cap must be positive.");
    }

    /// <summary>The timeout of tasks that do not set <c>TimeoutSeconds</c>. 10 seconds unless set.</summary>
    public TimeSpan DefaultTaskTimeout
    {
        get => _timeout;
        init => _timeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(DefaultTaskTimeout), value, "The timeout must be positive.");
    }

    internal static JsonSerializerOptions DefaultJsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

        // Without a resolver, GetTypeInfo finds no metadata; this is the reflection-based default where
        // reflection is enabled, and an empty resolver in trimmed and NativeAOT applications.
        TypeInfoResolver = ReflectionResolver(),
    };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reached only where JsonSerializer.IsReflectionEnabledByDefault, which trimming and NativeAOT turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reached only where JsonSerializer.IsReflectionEnabledByDefault, which trimming and NativeAOT turn off.")]
    private static IJsonTypeInfoResolver? ReflectionResolver() =>
        JsonSerializer.IsReflectionEnabledByDefault ? JsonSerializerOptions.Default.TypeInfoResolver : null;

    internal Uri? OriginFor(string taskName) => _taskOrigins.TryGetValue(taskName, out var origin) ? origin : _origin;

    private static Uri ValidateOrigin(Uri origin, string what)
    {
        if (!origin.IsAbsoluteUri || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{what} must be an absolute http or https URL, such as http://127.0.0.1:8080.", what);
        }

        if (origin.AbsolutePath != "/" || origin.Query.Length != 0 || origin.Fragment.Length != 0 || origin.UserInfo.Length != 0)
        {
            throw new ArgumentException($"{what} gives only a scheme, host and port; '{origin.GetLeftPart(UriPartial.Authority)}' would be valid.", what);
        }

        return origin;
    }
}
