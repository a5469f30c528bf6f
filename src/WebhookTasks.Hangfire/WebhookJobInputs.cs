using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookTasks.Hangfire;

/// <summary>
/// How a webhook job carries its task's inputs: the task's public properties as System.Text.Json text, written when
/// the job is created and read back into a new task instance in the worker. System.Text.Json is what the task itself
/// uses for values, so a value in an <see cref="object"/>, <see cref="System.Text.Json.JsonElement"/> or
/// <see cref="System.Text.Json.Nodes.JsonNode"/> input sends the same from a job as in process.
/// </summary>
/// <remarks>
/// The options are fixed, those of a <see cref="WebhookClient"/> left at its defaults: System.Text.Json's web
/// defaults (camelCase names), relaxed escaping, reflection-based; besides, named floating-point literals
/// (<c>NaN</c>, <c>Infinity</c>) are allowed so that every <see cref="double"/> round-trips. Typed inputs come back as
/// the same values, so whatever JSON options the worker's client has (enum names, naming policy, converters) apply to
/// them as in process. A .NET object held in an <see cref="object"/> or <c>Dictionary&lt;string, object&gt;</c> input
/// comes back as the JSON these options wrote for it, so it sends as a client with default JSON options sends it.
/// </remarks>
internal static class WebhookJobInputs
{
    /// <summary>The options inputs are written and read with.</summary>
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes the task's inputs as JSON text, as those of its own type.</summary>
    internal static string Serialize(IWebhookTask task)
    {
        try
        {
            return JsonSerializer.Serialize(task, task.GetType(), Options);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"The inputs of webhook task '{task.Descriptor.Name}' ({task.GetType().FullName}) cannot be stored with the job: {exception.Message}",
                nameof(task),
                exception);
        }
    }

    /// <summary>Reads the task back from the JSON text <see cref="Serialize"/> wrote.</summary>
    internal static TTask Deserialize<TTask>(string inputs)
        where TTask : class, IWebhookTask
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return JsonSerializer.Deserialize<TTask>(inputs, Options)
            ?? throw new ArgumentException($"The job's inputs are JSON null, not a {typeof(TTask).FullName}.", nameof(inputs));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // A default client's options (web defaults, relaxed escaping), not a restatement of them.
        var options = new JsonSerializerOptions(new WebhookClientOptions().JsonSerializerOptions)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
