using System;
using System.Collections.Generic;
using System.Text;
using WebhookTasks.Rendering;
using WebhookTasks.Templates;

namespace WebhookTasks;

/// <summary>
/// A rendered webhook request: exactly what would be sent. Secrets are resolved in
/// <see cref="Url"/>, <see cref="Headers"/> and <see cref="Body"/>, which go on the wire;
/// <see cref="ToString"/> and everything derived for display masks them as <c>***</c>.
/// </summary>
public sealed class WebhookRequest
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly bool _hasBody;
    private readonly string _shownUrl;
    private readonly IReadOnlyList<string> _secretValues;
    private string? _bodyText;
    private string[]? _maskForms;

    internal WebhookRequest(
        WebhookTaskDescriptor task,
        string url,
        string shownUrl,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte>? body,
        string? inputData,
        IReadOnlyList<string> secretValues)
    {
        Task = task;
        Url = url;
        _shownUrl = shownUrl;
        Headers = headers;
        _hasBody = body.HasValue;
        _body = body.GetValueOrDefault();
        RawInputData = inputData;
        _secretValues = secretValues;
    }

    /// <summary>The task this request was rendered from.</summary>
    public WebhookTaskDescriptor Task { get; }

    /// <summary>The HTTP method: GET, POST, PUT, PATCH or DELETE.</summary>
    public string Method => Task.Method;

    /// <summary>The absolute URL that is sent, query included, secrets resolved.</summary>
    public string Url { get; }

    /// <summary>The declared headers in declaration order, values rendered, secrets resolved.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The JSON body, or <see langword="null"/> for GET and DELETE, which send their data as query parameters.</summary>
    public string? Body => _hasBody ? _bodyText ??= Encoding.UTF8.GetString(_body.Span) : null;

    /// <summary>The JSON body as the UTF-8 bytes that are sent, or empty for GET and DELETE.</summary>
    public ReadOnlyMemory<byte> BodyUtf8 => _body;

    internal bool HasBody => _hasBody;

    /// <summary>The data as shown (JSON text), secrets resolved; masked before it leaves the library.</summary>
    internal string? RawInputData { get; }

    /// <summary>The URL as a result shows it: rendered from the URL template alone, secrets masked.</summary>
    internal string ShownUrl => Mask(_shownUrl);

    /// <summary>The data as a result shows it, secrets masked.</summary>
    internal string? ShownInputData => RawInputData is null ? null : Mask(RawInputData);

    internal string Mask(string text)
    {
        if (_secretValues.Count == 0 || text.Length == 0)
        {
            return text;
        }

        // The forms are worked out once, and only for a request that has secrets and shows something.
        return SecretMasker.Mask(text, _maskForms ??= SecretMasker.FormsOf(_secretValues));
    }

    /// <summary>
    /// Returns a copy of this request that also sends the header <paramref name="name"/>; a declared
    /// header of the same name (compared ignoring case) is replaced. Used by job runners, for example
    /// to add an idempotency key that stays the same across retries.
    /// </summary>
    /// <param name="name">The header name: an HTTP token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</param>
    /// <param name="value">The header value; it is sent as given.</param>
    /// <returns>A new request; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not an HTTP token, or <paramref name="value"/> contains CR, LF or NUL.</exception>
    public WebhookRequest WithHeader(string name, string value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (!HttpToken.IsValidHeaderName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid HTTP header name.", nameof(name));
        }

        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException($"The value of header '{name}' may not contain CR, LF or NUL.", nameof(value));
        }

        var headers = new List<KeyValuePair<string, string>>(Headers.Count + 1);
        foreach (var header in Headers)
        {
            if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
        }

        headers.Add(new KeyValuePair<string, string>(name, value));
        // Typed as nullable: a bare null would convert to an empty ReadOnlyMemory<byte> (through byte[])
        // and give a GET or DELETE an empty body.
        var body = _hasBody ? _body : (ReadOnlyMemory<byte>?)null;
        return new WebhookRequest(Task, Url, _shownUrl, headers, body, RawInputData, _secretValues);
    }

    /// <summary>The request as text (method, URL, headers, body), with every secret value shown as <c>***</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').Append(Url).Append('\n');
        foreach (var header in Headers)
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append('\n');
        }

        if (Body is { } body)
        {
            text.Append('\n').Append(body);
        }

        return Mask(text.ToString());
    }
}
