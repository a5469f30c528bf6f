using System;
using System.ComponentModel;
using System.Globalization;

namespace WebhookTasks.Hangfire;

/// <summary>
/// The inputs of a webhook task of type <typeparamref name="TTask"/> as a webhook job stores them: System.Text.Json
/// text of the task's public properties (see <see cref="WebhookJobClientExtensions"/>). Hangfire stores and shows it
/// as that text, a JSON string; the type only names <typeparamref name="TTask"/>, which Hangfire reads from the job's
/// parameter types to find <see cref="WebhookJob.RunAsync"/>.
/// </summary>
/// <typeparam name="TTask">The task's type.</typeparam>
[TypeConverter(typeof(WebhookTaskInputsConverter))]
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class WebhookTaskInputs<TTask>
    where TTask : class, IWebhookTask
{
    /// <summary>Wraps inputs already written as JSON text.</summary>
    /// <param name="json">The task's public properties as System.Text.Json text, such as <c>{"id":17}</c>.</param>
    public WebhookTaskInputs(string json)
    {
        Json = json ?? throw new ArgumentNullException(nameof(json));
    }

    /// <summary>The task's public properties as JSON text.</summary>
    public string Json { get; }

    /// <summary>Writes a task's inputs, with the fixed options of this package.</summary>
    /// <param name="task">The task.</param>
    /// <returns>Its inputs.</returns>
    /// <exception cref="ArgumentException">
    /// The task's type is not exactly <typeparamref name="TTask"/>, or its inputs cannot be written as JSON (for example,
    /// they hold a reference cycle).
    /// </exception>
    public static WebhookTaskInputs<TTask> From(TTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.GetType() != typeof(TTask))
        {
            throw new ArgumentException($"The task is a {task.GetType().FullName}, not a {typeof(TTask).FullName}.", nameof(task));
        }

        return new(WebhookJobInputs.Serialize(task));
    }

    /// <summary>Reads the inputs back into a new task.</summary>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentException">The text is JSON null.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text does not fit <typeparamref name="TTask"/> (say, a required input is missing).</exception>
    public TTask ToTask() => WebhookJobInputs.Deserialize<TTask>(Json);

    /// <summary>The JSON text.</summary>
    /// <returns><see cref="Json"/>.</returns>
    public override string ToString() => Json;
}

/// <summary>
/// Converts <see cref="WebhookTaskInputs{TTask}"/> to and from its JSON text, so that Hangfire's serializer (which
/// writes a type with a string converter as a string) stores the text itself as the job's argument.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WebhookTaskInputsConverter : TypeConverter
{
    private readonly Type? _type;

    /// <summary>Creates a converter that can only write.</summary>
    public WebhookTaskInputsConverter()
    {
    }

    /// <summary>Creates the converter of one closed <see cref="WebhookTaskInputs{TTask}"/> type.</summary>
    /// <param name="type">The closed type, as the type descriptor passes it.</param>
    public WebhookTaskInputsConverter(Type type)
    {
        _type = type;
    }

    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        (sourceType == typeof(string) && _type is not null) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc/>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string json && _type is not null
            ? Activator.CreateInstance(_type, json)
            : base.ConvertFrom(context, culture, value);

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is not null && value.GetType().IsGenericType
            && value.GetType().GetGenericTypeDefinition() == typeof(WebhookTaskInputs<>)
            ? value.ToString()
            : base.ConvertTo(context, culture, value, destinationType);
}
