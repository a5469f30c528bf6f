using System;
using System.Collections.Generic;

namespace WebhookTasks;

/// <summary>The static description of a webhook task, emitted by the generator for tooling and runners.</summary>
public sealed class WebhookTaskDescriptor
{
    private string? _activityName;

    /// <summary>Creates a descriptor. Generated code calls this; there is rarely a reason to call it by hand.</summary>
    /// <param name="name">The task's name.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="urlTemplate">The URL template as declared.</param>
    /// <param name="description">The task's description, if any.</param>
    /// <param name="showData">Whether results carry the data that was sent.</param>
    /// <param name="showUrl">Whether results carry the rendered URL.</param>
    /// <param name="timeout">The task's own timeout, or <see langword="null"/> for the client's default.</param>
    /// <param name="inputs">The inputs, in declaration order.</param>
    /// <param name="secrets">The declared secrets' names.</param>
    public WebhookTaskDescriptor(
        string name,
        string method,
        string urlTemplate,
        string? description,
        bool showData,
        bool showUrl,
        TimeSpan? timeout,
        IReadOnlyList<WebhookInputDescriptor> inputs,
        IReadOnlyList<string> secrets)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        UrlTemplate = urlTemplate ?? throw new ArgumentNullException(nameof(urlTemplate));
        Description = description;
        ShowData = showData;
        ShowUrl = showUrl;
        Timeout = timeout;
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
    }

    /// <summary>The task's name, unique in its compilation.</summary>
    public string Name { get; }

    /// <summary>The HTTP method: GET, POST, PUT, PATCH or DELETE.</summary>
    public string Method { get; }

    /// <summary>The URL template as declared.</summary>
    public string UrlTemplate { get; }

    /// <summary>The task's description, if any.</summary>
    public string? Description { get; }

    /// <summary>Whether results carry the data that was sent.</summary>
    public bool ShowData { get; }

    /// <summary>Whether results carry the rendered URL.</summary>
    public bool ShowUrl { get; }

    /// <summary>The task's own timeout, or <see langword="null"/> when the client's default applies.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The task's inputs, in declaration order.</summary>
    public IReadOnlyList<WebhookInputDescriptor> Inputs { get; }

    /// <summary>The names of the secrets the task declares.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>The name of the span of one invocation: <c>webhook</c> and the task's name.</summary>
    internal string ActivityName => _activityName ??= "webhook " + Name;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {UrlTemplate} ({Name})";
}

/// <summary>One input of a webhook task.</summary>
public sealed class WebhookInputDescriptor
{
    /// <summary>Creates an input descriptor.</summary>
    /// <param name="name">The input's name in templates.</param>
    /// <param name="propertyName">The C# property that holds it.</param>
    /// <param name="typeName">The property's C# type, as written in generated code.</param>
    public WebhookInputDescriptor(string name, string propertyName, string typeName)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        PropertyName = propertyName ?? throw new ArgumentNullException(nameof(propertyName));
        TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
    }

    /// <summary>The input's name in templates, such as <c>item_id</c>.</summary>
    public string Name { get; }

    /// <summary>The C# property that holds the input, such as <c>ItemId</c>.</summary>
    public string PropertyName { get; }

    /// <summary>The property's C# type.</summary>
    public string TypeName { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {TypeName}";
}
