using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebhookTasks.Rendering;

/// <summary>
/// Assembles one request from the pieces that generated code hands it, applying the encoding
/// that each piece's place in the template calls for. Called by generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct WebhookRequestBuilder
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    private const int MaxPooledUrlLength = 2048;
    private const int MaxPooledJsonBytes = 16 * 1024;

    // Render is synchronous, so one URL builder and one JSON writer per thread can serve every call on it:
    // a builder takes them (leaving null, so a nested render on the same thread makes its own) and gives
    // them back in Build. A render that throws simply leaves them to the collector.
    [ThreadStatic]
    private static StringBuilder? t_url;

    [ThreadStatic]
    private static JsonBuffer? t_json;

    private readonly WebhookTaskDescriptor _task;
    private readonly StringBuilder _url;
    private List<KeyValuePair<string, string>>? _headers;
    private List<string>? _secretValues;
    private JsonBuffer? _json;
    private int _segmentStart = -1;
    private string? _segmentInput;
    private bool _inQuery;
    private int _shownUrlLength = -1;
    private string? _shownUrl;

    /// <summary>Starts a request for a task.</summary>
    /// <param name="task">The task's descriptor.</param>
    /// <param name="client">The client whose settings apply; the shared default when <see langword="null"/>.</param>
    public WebhookRequestBuilder(WebhookTaskDescriptor task, WebhookClient? client)
    {
        _task = task ?? throw new ArgumentNullException(nameof(task));
        Client = client ?? WebhookClient.Default;
        _url = t_url ?? new StringBuilder(128);
        t_url = null;
    }

    /// <summary>The client whose settings apply.</summary>
    public WebhookClient Client { get; }

    /// <summary>The options for writing object inputs as JSON.</summary>
    public JsonSerializerOptions JsonSerializerOptions => Client.Options.JsonSerializerOptions;

    /// <summary>Resolves a declared secret; its value is masked wherever the request is shown.</summary>
    /// <param name="name">The secret's name.</param>
    /// <exception cref="WebhookSecretNotFoundException">The provider has no value for it.</exception>
    public string Secret(string name)
    {
        var provider = Client.Options.SecretProvider;
        var value = provider.GetSecret(name);
        if (value is null)
        {
            throw new WebhookSecretNotFoundException(_task.Name, name, provider.DescribeLookup(name));
        }

        (_secretValues ??= new List<string>()).Add(value);
        return value;
    }

    /// <summary>Starts the URL with the template's literal scheme and authority (or the client's origin override).</summary>
    /// <param name="scheme">The scheme, <c>http</c> or <c>https</c>.</param>
    /// <param name="authority">The host and optional port, already valid.</param>
    public void Origin(string scheme, string authority)
    {
        if (!AppendOverride())
        {
            _url.Append(scheme).Append("://").Append(authority);
        }
    }

    /// <summary>Starts the URL with a host that holds placeholders; the host must be a host name.</summary>
    /// <param name="scheme">The scheme, <c>http</c> or <c>https</c>.</param>
    /// <param name="host">The rendered host.</param>
    /// <param name="port">The literal port suffix, such as <c>:8443</c>, or empty.</param>
    /// <param name="inputNames">The inputs the host was rendered from, for the error message.</param>
    /// <exception cref="ArgumentException">The host is null or not a host name.</exception>
    public void OriginWithHost(string scheme, string? host, string port, string inputNames)
    {
        if (host is null || host.Length == 0)
        {
            throw Refused(inputNames, "the URL's host", "a host may not be null or empty");
        }

        var kind = Uri.CheckHostName(host);
        if (kind is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            throw Refused(inputNames, "the URL's host", "the value must be a host name");
        }

        if (!AppendOverride())
        {
            _url.Append(scheme).Append("://").Append(host.ToLowerInvariant()).Append(port);
        }
    }

    /// <summary>Uses a whole input value as the URL; it must be an absolute http or https URL. Its fragment is dropped.</summary>
    /// <param name="url">The rendered URL.</param>
    /// <param name="inputName">The input it came from, for the error message.</param>
    /// <exception cref="ArgumentException">The value is not an absolute http or https URL.</exception>
    public void AbsoluteUrl(string? url, string inputName) => AppendAbsoluteUrl(url, inputName, isSecret: false);

    /// <summary>
    /// Uses a secret as the whole URL, as <see cref="AbsoluteUrl"/> does; results show only its origin as sent,
    /// followed by <c>/***</c>, and its path and query are masked wherever the request is shown.
    /// </summary>
    /// <param name="url">The secret's value.</param>
    /// <param name="secretName">The secret's name, for the error message (which never quotes the value).</param>
    /// <exception cref="ArgumentException">The value is not an absolute http or https URL.</exception>
    public void SecretUrl(string url, string secretName) => AppendAbsoluteUrl(url, "secrets." + secretName, isSecret: true);

    /// <summary>Appends literal path text from the template, already valid and encoded.</summary>
    /// <param name="literal">The text, which may contain <c>/</c>.</param>
    public void Path(string literal)
    {
        var start = _url.Length;
        _url.Append(literal);
        var slash = literal.IndexOf('/');
        if (slash >= 0)
        {
            // The segment being written ends at the first '/'; the next one starts after the last.
            CloseSegment(start + slash);
            _segmentStart = start + literal.LastIndexOf('/') + 1;
        }
    }

    /// <summary>Appends a value to the path, percent-encoded as part of one segment.</summary>
    /// <param name="value">The rendered value.</param>
    /// <param name="inputName">The input it came from, for the error message.</param>
    /// <exception cref="ArgumentException">The value is null (checked here), or makes its segment <c>.</c> or <c>..</c> (checked when the segment ends).</exception>
    public void PathValue(string? value, string inputName)
    {
        if (value is null)
        {
            throw Refused(inputName, "a URL path segment", "a path segment may not be null");
        }

        _segmentInput ??= inputName;
        UrlEncoding.AppendEncoded(_url, value.AsSpan());
    }

    /// <summary>Starts a query parameter: appends <c>?</c> before the first and <c>&amp;</c> before the others.</summary>
    public void QueryStart()
    {
        CloseSegment(_url.Length);
        _url.Append(_inQuery ? '&' : '?');
        _inQuery = true;
    }

    /// <summary>Appends literal query text from the template (a name, <c>=</c>, a value), already valid and encoded.</summary>
    /// <param name="literal">The text.</param>
    public void QueryLiteral(string literal) => _url.Append(literal);

    /// <summary>Appends a value to a query name or value, percent-encoded as a query component; null appends nothing.</summary>
    /// <param name="value">The rendered value.</param>
    public void QueryValue(string? value)
    {
        if (value is not null)
        {
            UrlEncoding.AppendEncoded(_url, value.AsSpan());
        }
    }

    /// <summary>Appends one query parameter whose name is literal, unless the value is null.</summary>
    /// <param name="encodedName">The parameter's name, already encoded.</param>
    /// <param name="value">The rendered value; the parameter is left out when it is null.</param>
    public void QueryParameter(string encodedName, string? value)
    {
        if (value is null)
        {
            return;
        }

        QueryStart();
        _url.Append(encodedName).Append('=');
        UrlEncoding.AppendEncoded(_url, value.AsSpan());
    }

    /// <summary>Marks the end of the URL that the template renders; what follows is <c>Data</c> sent as query parameters.</summary>
    public void EndTemplateUrl()
    {
        CloseSegment(_url.Length);
        _shownUrlLength = _url.Length;
    }

    /// <summary>Adds a header.</summary>
    /// <param name="name">The header's name, valid.</param>
    /// <param name="value">The rendered value; the header is left out when it is null.</param>
    /// <param name="inputNames">The inputs the value was rendered from, for the error message.</param>
    /// <exception cref="ArgumentException">The value contains CR, LF or NUL.</exception>
    public void Header(string name, string? value, string inputNames)
    {
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw Refused(inputNames.Length == 0 ? name : inputNames, $"header '{name}'", "a header value may not contain CR, LF or NUL");
        }

        (_headers ??= new List<KeyValuePair<string, string>>(4)).Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>The writer for the task's JSON data (the body, or what GET and DELETE show as input data).</summary>
    public Utf8JsonWriter Json()
    {
        if (_json is null)
        {
            _json = t_json ?? new JsonBuffer();
            t_json = null;
        }

        return _json.Writer;
    }

    /// <summary>Writes an object input through System.Text.Json with the client's serializer options.</summary>
    /// <typeparam name="T">The input's type.</typeparam>
    /// <param name="value">The value.</param>
    public void JsonObject<T>(T value)
    {
        var writer = Json();
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var typeInfo = (JsonTypeInfo<T>)JsonSerializerOptions.GetTypeInfo(typeof(T));
        JsonSerializer.Serialize(writer, value, typeInfo);
    }

    /// <summary>Completes the request.</summary>
    /// <param name="sendsBody">Whether the JSON data is the body (POST, PUT, PATCH) rather than shown data (GET, DELETE).</param>
    public WebhookRequest Build(bool sendsBody)
    {
        if (_shownUrlLength < 0)
        {
            EndTemplateUrl();
        }

        ReadOnlyMemory<byte>? body = null;
        string? inputData = null;
        if (_json is { } json)
        {
            json.Writer.Flush();
            var bytes = json.Buffer.WrittenSpan;
            if (sendsBody)
            {
                body = bytes.ToArray();
            }

            if (_task.ShowData)
            {
                inputData = Encoding.UTF8.GetString(bytes);
            }

            if (json.Buffer.WrittenCount <= MaxPooledJsonBytes)
            {
                json.Clear();
                t_json = json;
            }

            _json = null;
        }
        else if (sendsBody)
        {
            body = EmptyObject;
            inputData = _task.ShowData ? "{}" : null;
        }
        else if (_task.ShowData)
        {
            inputData = "{}";
        }

        var url = _url.ToString();
        var shownUrl = _shownUrl ?? (_shownUrlLength == url.Length ? url : url.Substring(0, _shownUrlLength));
        if (_url.Length <= MaxPooledUrlLength)
        {
            _url.Clear();
            t_url = _url;
        }

        return new WebhookRequest(
            _task,
            url,
            shownUrl,
            (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>(),
            body,
            inputData,
            (IReadOnlyList<string>?)_secretValues ?? Array.Empty<string>());
    }

    private void AppendAbsoluteUrl(string? url, string label, bool isSecret)
    {
        if (url is null
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length != 0)
        {
            throw Refused(label, "the URL", "the value must be an absolute http or https URL without user information");
        }

        if (!AppendOverride())
        {
            _url.Append(uri.GetLeftPart(UriPartial.Authority));
        }

        var origin = _url.ToString();
        _url.Append(uri.AbsolutePath);
        if (uri.Query.Length > 1)
        {
            _url.Append(uri.Query);
            _inQuery = true;
        }

        if (isSecret)
        {
            // What is sent can differ from the secret's text (another origin, a normalized host or port),
            // so the URL as sent and its path and query are masked too, and results show the origin alone.
            var secrets = _secretValues ??= new List<string>();
            secrets.Add(_url.ToString());
            if (uri.PathAndQuery.Length > 1)
            {
                secrets.Add(uri.PathAndQuery);
            }

            _shownUrl = origin + "/" + SecretMasker.Placeholder;
        }
    }

    private bool AppendOverride()
    {
        var origin = Client.Options.OriginFor(_task.Name);
        if (origin is null)
        {
            return false;
        }

        _url.Append(origin.GetLeftPart(UriPartial.Authority));
        return true;
    }

    private void CloseSegment(int end)
    {
        if (_segmentInput is null || _segmentStart < 0)
        {
            return;
        }

        var length = end - _segmentStart;
        var isDots = length is 1 or 2;
        for (var i = 0; isDots && i < length; i++)
        {
            isDots = _url[_segmentStart + i] == '.';
        }

        var input = _segmentInput;
        _segmentInput = null;
        if (isDots)
        {
            throw Refused(input, "a URL path segment", "a path segment may not be '.' or '..'");
        }
    }

    private ArgumentException Refused(string inputNames, string where, string rule) =>
        new($"Webhook '{_task.Name}' refused the value of '{inputNames}' for {where}: {rule}. Nothing was sent.", inputNames);

    /// <summary>A JSON writer over a growable buffer, kept per thread between renders.</summary>
    private sealed class JsonBuffer
    {
        public JsonBuffer()
        {
            Writer = new Utf8JsonWriter(Buffer, WriterOptions);
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        public void Clear()
        {
            Buffer.ResetWrittenCount();
            Writer.Reset(Buffer);
        }
    }
}
