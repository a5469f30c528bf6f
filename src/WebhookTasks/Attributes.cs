using System;

namespace WebhookTasks;

/// <summary>The HTTP method a webhook task sends with.</summary>
public enum WebhookMethod
{
    /// <summary>GET: <see cref="WebhookTaskAttribute.Data"/> is sent as query parameters.</summary>
    Get,

    /// <summary>POST: <see cref="WebhookTaskAttribute.Data"/> is sent as the JSON body. The default.</summary>
    Post,

    /// <summary>PUT: <see cref="WebhookTaskAttribute.Data"/> is sent as the JSON body.</summary>
    Put,

    /// <summary>PATCH: <see cref="WebhookTaskAttribute.Data"/> is sent as the JSON body.</summary>
    Patch,

    /// <summary>DELETE: <see cref="WebhookTaskAttribute.Data"/> is sent as query parameters.</summary>
    Delete,
}

/// <summary>
/// Declares a <c>partial</c> class as a webhook task. The source generator emits its
/// <c>Render</c> and <c>InvokeAsync</c> methods; the analyzers check its templates at compile time.
/// </summary>
/// <remarks>
/// <see cref="Url"/>, header values and the strings of <see cref="Data"/> are templates:
/// <c>{inputs.name}</c> takes a public settable property of the class (matched ignoring case),
/// <c>{inputs.name.Member}</c> a property of it, <c>{inputs.name:FORMAT}</c> formats an
/// <see cref="IFormattable"/> value, <c>{secrets.name}</c> a declared <see cref="SecretAttribute"/>,
/// and <c>{{</c> and <c>}}</c> stand for literal braces.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WebhookTaskAttribute : Attribute
{
    /// <summary>Declares a task named after its class in kebab case (<c>GetWithParams</c> is <c>get-with-params</c>).</summary>
    public WebhookTaskAttribute()
    {
    }

    /// <summary>Declares a task with the given name, which must be unique in the compilation.</summary>
    /// <param name="name">The task's name, as shown in results, errors, logs and traces.</param>
    public WebhookTaskAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The task's name; <see langword="null"/> when it is derived from the class name.</summary>
    public string? Name { get; }

    /// <summary>The URL template: an absolute http or https URL, or a single placeholder holding one.</summary>
    public string Url { get; set; } = "";

    /// <summary>The HTTP method; POST unless set.</summary>
    public WebhookMethod Method { get; set; } = WebhookMethod.Post;

    /// <summary>
    /// A JSON object template. A string that is exactly one placeholder becomes the value's own JSON;
    /// a placeholder inside a longer string is formatted as text. GET and DELETE send the top-level
    /// members as query parameters; the other methods send the JSON as the body (<c>{}</c> when unset).
    /// </summary>
    public string? Data { get; set; }

    /// <summary>When <see langword="true"/>, <see cref="WebhookResult.InputData"/> carries what was sent as data.</summary>
    public bool ShowData { get; set; }

    /// <summary>When <see langword="true"/>, <see cref="WebhookResult.Url"/> carries the rendered URL.</summary>
    public bool ShowUrl { get; set; }

    /// <summary>A description of the task, copied into the XML docs of the generated members.</summary>
    public string? Description { get; set; }

    /// <summary>How long one call may take, in seconds, before it fails with <see cref="TimeoutException"/>. 10 unless set.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary>Adds a header to every request of a webhook task. Repeatable; headers are sent in declaration order.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>Declares a header.</summary>
    /// <param name="name">The header's name, taken literally.</param>
    /// <param name="value">The header's value, a template.</param>
    public HeaderAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The header's name.</summary>
    public string Name { get; }

    /// <summary>The header's value template.</summary>
    public string Value { get; }
}

/// <summary>Declares a secret that the task's templates may use as <c>{secrets.name}</c>. Repeatable.</summary>
/// <remarks>The value is resolved when the task is rendered, through <see cref="WebhookClientOptions.SecretProvider"/>,
/// and shows as <c>***</c> everywhere a request or result is displayed.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SecretAttribute : Attribute
{
    /// <summary>Declares a secret.</summary>
    /// <param name="name">The secret's name, as used in <c>{secrets.name}</c>.</param>
    public SecretAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The secret's name.</summary>
    public string Name { get; }
}

/// <summary>Gives an input property the name its placeholders use, such as <c>item_id</c> for <c>{inputs.item_id}</c>.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Names the input.</summary>
    /// <param name="name">The input's name in templates.</param>
    public InputAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The input's name in templates.</summary>
    public string Name { get; }
}
