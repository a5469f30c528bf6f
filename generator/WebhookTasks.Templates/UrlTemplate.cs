using System;
using System.Collections.Generic;
using System.Text;

namespace WebhookTasks.Templates;

/// <summary>A piece of a URL component: literal text (already valid and percent-encoded) or a placeholder.</summary>
internal sealed class UrlPiece
{
    private UrlPiece(string? literal, PlaceholderPart? placeholder, int start, int length)
    {
        Literal = literal;
        Placeholder = placeholder;
        Start = start;
        Length = length;
    }

    public string? Literal { get; }

    public PlaceholderPart? Placeholder { get; }

    /// <summary>Offset of the piece in the template's text.</summary>
    public int Start { get; }

    /// <summary>Length of the piece in the template's text.</summary>
    public int Length { get; }

    public static UrlPiece Text(string literal, int start, int length) => new(literal, null, start, length);

    public static UrlPiece Value(PlaceholderPart placeholder) => new(null, placeholder, placeholder.Start, placeholder.Length);
}

/// <summary>One query parameter of a URL template: its name pieces and, after <c>=</c>, its value pieces.</summary>
internal sealed class UrlQueryParameter
{
    public UrlQueryParameter(IReadOnlyList<UrlPiece> name, IReadOnlyList<UrlPiece>? value)
    {
        Name = name;
        Value = value;
    }

    public IReadOnlyList<UrlPiece> Name { get; }

    /// <summary>The value's pieces, or <see langword="null"/> when the parameter has no <c>=</c>.</summary>
    public IReadOnlyList<UrlPiece>? Value { get; }
}

/// <summary>
/// A URL template taken apart: either one placeholder that is the whole URL, or a literal scheme,
/// a host (literal or with placeholders), a literal port, path pieces and query parameters.
/// Where a placeholder sits decides how its value is encoded.
/// </summary>
internal sealed class UrlTemplate
{
    private UrlTemplate(Template template)
    {
        Template = template;
    }

    public Template Template { get; }

    /// <summary>The placeholder that is the whole URL, or <see langword="null"/>.</summary>
    public PlaceholderPart? Whole { get; private set; }

    public string Scheme { get; private set; } = "";

    public List<UrlPiece> Host { get; } = new();

    /// <summary>The port with its colon (<c>:8000</c>), or empty.</summary>
    public string Port { get; private set; } = "";

    public List<UrlPiece> Path { get; } = new();

    public List<UrlQueryParameter> Query { get; } = new();

    /// <summary>Errors of the URL's structure (the template's own errors are in <see cref="Template"/>).</summary>
    public List<TemplateError> Errors { get; } = new();

    /// <summary>The fragment's location, which is never sent, or <see langword="null"/>.</summary>
    public TemplateError? Fragment { get; private set; }

    public bool IsValid => Template.IsValid && Errors.Count == 0;

    /// <summary>Whether the authority is literal, so the origin is known at compile time.</summary>
    public bool HasLiteralHost => Host.Count == 1 && Host[0].Literal is not null;

    public static UrlTemplate Parse(string text) => Analyze(TemplateParser.Parse(text));

    public static UrlTemplate Analyze(Template template)
    {
        var url = new UrlTemplate(template);
        if (template.IsValid)
        {
            url.Split();
        }

        return url;
    }

    private void Split()
    {
        var parts = Template.Parts;
        if (Template.WholePlaceholder is { } whole)
        {
            Whole = whole;
            return;
        }

        if (parts.Count == 0 || parts[0] is not LiteralPart first)
        {
            Fail(TemplateErrorKind.UrlPlaceholderInScheme, "a placeholder cannot start a URL unless it is the whole URL; begin with 'https://'", parts.Count == 0 ? 0 : parts[0].Start, parts.Count == 0 ? 0 : parts[0].Length);
            return;
        }

        var separator = first.Text.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? "" : first.Text.Substring(0, separator).ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            var length = separator < 0 ? Template.Text.Length : separator;
            Fail(TemplateErrorKind.UrlNotAbsolute, separator < 0
                ? "the URL is not absolute; it must start with 'http://' or 'https://'"
                : $"'{first.Text.Substring(0, separator)}' is not a supported scheme; use 'http' or 'https'", first.Start, Math.Max(length, 1));
            return;
        }

        Scheme = scheme;
        var walker = new Walker(this);
        walker.Run(parts, first.Start + separator + 3);
    }

    private void Fail(TemplateErrorKind kind, string message, int start, int length) =>
        Errors.Add(new TemplateError(kind, message, start, length));

    /// <summary>Walks the template's characters once, cutting them into authority, path, query and fragment.</summary>
    private sealed class Walker
    {
        private readonly UrlTemplate _url;
        private readonly StringBuilder _literal = new();
        private int _literalStart = -1;
        private int _literalEnd;
        private char? _pendingHighSurrogate;
        private List<UrlPiece> _current;
        private List<UrlPiece>? _queryName;
        private List<UrlPiece>? _queryValue;
        private int _state;
        private int _authorityStart;

        public Walker(UrlTemplate url)
        {
            _url = url;
            _current = url.Host;
        }

        private const int Authority = 0;
        private const int PathState = 1;
        private const int QueryState = 2;
        private const int FragmentState = 3;

        public void Run(IReadOnlyList<TemplatePart> parts, int authorityOffset)
        {
            _authorityStart = authorityOffset;
            foreach (var part in parts)
            {
                if (part is PlaceholderPart placeholder)
                {
                    if (_state == FragmentState)
                    {
                        continue;
                    }

                    FlushLiteral();
                    _current.Add(UrlPiece.Value(placeholder));
                    continue;
                }

                var literal = (LiteralPart)part;
                var from = part == parts[0] ? authorityOffset - part.Start : 0;
                for (var i = from; i < literal.Text.Length && _state != FragmentState; i++)
                {
                    Accept(literal.Text[i], literal.Start + i, literal);
                }
            }

            FlushLiteral();
            FinishComponent();
        }

        private void Accept(char c, int offset, LiteralPart part)
        {
            switch (c)
            {
                case '/' when _state == Authority:
                    FinishComponent();
                    _state = PathState;
                    _current = _url.Path;
                    AppendLiteral('/', offset);
                    return;
                case '?' when _state is Authority or PathState:
                    FlushLiteral();
                    FinishComponent();
                    _state = QueryState;
                    StartQueryParameter();
                    return;
                case '#':
                    FlushLiteral();
                    FinishComponent();
                    _url.Fragment = new TemplateError(TemplateErrorKind.UrlFragment, "a URL fragment ('#...') is never sent; remove it", offset, _url.Template.Text.Length - offset);
                    _state = FragmentState;
                    return;
                case '&' when _state == QueryState:
                    FlushLiteral();
                    FinishQueryParameter();
                    StartQueryParameter();
                    return;
                case '=' when _state == QueryState && _queryValue is null:
                    FlushLiteral();
                    _queryValue = new List<UrlPiece>();
                    _current = _queryValue;
                    return;
                case '%':
                    if (!IsPercentEscape(part.Text, offset - part.Start))
                    {
                        _url.Fail(TemplateErrorKind.UrlInvalidPercentEncoding, "'%' must start an escape of two hex digits, such as '%20'; write '%25' for a literal '%'", offset, 1);
                    }

                    AppendLiteral(c, offset);
                    return;
                case '@' when _state == Authority:
                    _url.Fail(TemplateErrorKind.UrlUserInfo, "a URL may not carry user information ('user:password@'); send credentials in a header built from a secret", _authorityStart, offset + 1 - _authorityStart);

                    // What follows is the host; what came before is not part of it.
                    _literal.Clear();
                    _literalStart = -1;
                    _url.Host.Clear();
                    return;
            }

            AppendLiteral(c, offset);
        }

        private void AppendLiteral(char c, int offset)
        {
            if (_literalStart < 0)
            {
                _literalStart = offset;
            }

            _literalEnd = offset + 1;

            // The authority is validated as written; the path and query encode what they cannot hold.
            if (_state == Authority || IsAllowed(c, _state))
            {
                _literal.Append(c);
                return;
            }

            // A surrogate pair is one character: encode it when its second half arrives.
            if (char.IsHighSurrogate(c))
            {
                _pendingHighSurrogate = c;
                return;
            }

            var text = char.IsLowSurrogate(c) && _pendingHighSurrogate is { } high ? new string(new[] { high, c }) : c.ToString();
            _pendingHighSurrogate = null;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                _literal.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        private void FlushLiteral()
        {
            if (_literal.Length > 0)
            {
                _current.Add(UrlPiece.Text(_literal.ToString(), _literalStart, _literalEnd - _literalStart));
                _literal.Clear();
            }

            _literalStart = -1;
        }

        private void StartQueryParameter()
        {
            _queryName = new List<UrlPiece>();
            _queryValue = null;
            _current = _queryName;
        }

        private void FinishQueryParameter()
        {
            if (_queryName is null)
            {
                return;
            }

            if (_queryName.Count > 0 || _queryValue is not null)
            {
                _url.Query.Add(new UrlQueryParameter(_queryName, _queryValue));
            }

            _queryName = null;
            _queryValue = null;
        }

        private void FinishComponent()
        {
            FlushLiteral();
            if (_state == Authority)
            {
                FinishAuthority();
            }
            else if (_state == QueryState)
            {
                FinishQueryParameter();
            }
        }

        private void FinishAuthority()
        {
            var host = _url.Host;
            var lastPiece = host.Count == 0 ? null : host[host.Count - 1];
            var last = lastPiece?.Literal;
            var colon = last?.LastIndexOf(':') ?? -1;
            if (lastPiece is not null && last is not null && colon >= 0 && !last.EndsWith("]", StringComparison.Ordinal))
            {
                var port = last.Substring(colon + 1);
                if (port.Length == 0 || port.Length > 5 || !IsDigits(port) || int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) > 65535)
                {
                    var portStart = lastPiece.Start + colon;
                    _url.Fail(TemplateErrorKind.UrlInvalidPort, $"'{port}' is not a port; a port is a number from 0 to 65535", portStart, port.Length + 1);
                }

                _url.Port = ":" + port;
                host[host.Count - 1] = UrlPiece.Text(last.Substring(0, colon), lastPiece.Start, colon);
                if (colon == 0)
                {
                    host.RemoveAt(host.Count - 1);
                }
            }
            else if (host.Count > 1 && host[host.Count - 1].Placeholder is { } portPlaceholder
                     && host[host.Count - 2].Literal is { } beforePort && beforePort.EndsWith(":", StringComparison.Ordinal))
            {
                _url.Fail(TemplateErrorKind.UrlInvalidPort, "a port cannot hold a placeholder; write the port as digits", portPlaceholder.Start, portPlaceholder.Length);
            }

            if (host.Count == 0)
            {
                _url.Fail(TemplateErrorKind.UrlInvalidHost, "the URL has no host", Math.Max(0, _authorityStart - 3), 3);
                return;
            }

            foreach (var piece in host)
            {
                if (piece.Literal is { } text && !IsHostText(text, host.Count == 1))
                {
                    _url.Fail(TemplateErrorKind.UrlInvalidHost, $"'{text}' is not a valid host name", piece.Start, piece.Length);
                }
            }
        }

        private static bool IsHostText(string text, bool whole)
        {
            if (whole)
            {
                return Uri.CheckHostName(text) != UriHostNameType.Unknown;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && c is not ('-' or '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPercentEscape(string text, int index) =>
            index + 2 < text.Length && IsHex(text[index + 1]) && IsHex(text[index + 2]);

        private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

        private static bool IsAllowed(char c, int state)
        {
            // '%' is checked as the start of an escape where it is read.
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' or '%')
            {
                return true;
            }

            // RFC 3986 sub-delims, ':' and '@' are valid in paths and queries; '/' and '?' in queries too.
            // In the authority, ':' separates the port and '[' ']' bracket an IPv6 address.
            return state switch
            {
                Authority => c is ':' or '[' or ']',
                PathState => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/',
                _ => c is '!' or '$' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or ':' or '@' or '/' or '?' or '=',
            };
        }
    }
}
