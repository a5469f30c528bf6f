using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace WebhookTasks.Templates;

/// <summary>A node of a parsed <c>Data</c> template, located in the template's text.</summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }
}

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(IReadOnlyList<JsonMember> members, int start, int length)
        : base(start, length)
    {
        Members = members;
    }

    public IReadOnlyList<JsonMember> Members { get; }
}

internal sealed class JsonMember
{
    public JsonMember(JsonStringNode key, JsonNode value)
    {
        Key = key;
        Value = value;
    }

    public JsonStringNode Key { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(IReadOnlyList<JsonNode> items, int start, int length)
        : base(start, length)
    {
        Items = items;
    }

    public IReadOnlyList<JsonNode> Items { get; }
}

/// <summary>A JSON string: its decoded value, parsed as a template, and where each of its characters came from.</summary>
internal sealed class JsonStringNode : JsonNode
{
    private readonly int[] _offsets;

    public JsonStringNode(string value, int[] offsets, int start, int length)
        : base(start, length)
    {
        Value = value;
        _offsets = offsets;
        Template = TemplateParser.Parse(value);
    }

    public string Value { get; }

    public Template Template { get; }

    /// <summary>Maps a span of <see cref="Value"/> to the span of the <c>Data</c> text it was written as.</summary>
    public (int Start, int Length) MapSpan(int start, int length)
    {
        var from = _offsets[Clamp(start)];
        var to = _offsets[Clamp(start + length)];
        return (from, to - from);
    }

    private int Clamp(int index) => index < 0 ? 0 : index >= _offsets.Length ? _offsets.Length - 1 : index;
}

internal enum JsonLiteralKind
{
    Number,
    True,
    False,
    Null,
}

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>, kept as written.</summary>
internal sealed class JsonLiteralNode : JsonNode
{
    public JsonLiteralNode(JsonLiteralKind kind, string raw, int start, int length)
        : base(start, length)
    {
        Kind = kind;
        Raw = raw;
    }

    public JsonLiteralKind Kind { get; }

    public string Raw { get; }
}

/// <summary>
/// Parses a <c>Data</c> template as strict JSON (RFC 8259) whose root must be an object, keeping
/// each node's location so that errors inside its strings point at the characters written.
/// Never throws; nesting deeper than <see cref="MaxDepth"/> is an error, not a stack overflow.
/// </summary>
internal sealed class JsonTemplate
{
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonTemplate(string text)
    {
        _text = text;
    }

    public JsonObjectNode? Root { get; private set; }

    public TemplateError? Error { get; private set; }

    public static JsonTemplate Parse(string text)
    {
        var json = new JsonTemplate(text);
        json.Run();
        return json;
    }

    /// <summary>Every string of the document, keys included, in document order.</summary>
    public IEnumerable<JsonStringNode> Strings()
    {
        return Root is null ? new List<JsonStringNode>() : Collect(Root, new List<JsonStringNode>());

        static List<JsonStringNode> Collect(JsonNode node, List<JsonStringNode> strings)
        {
            switch (node)
            {
                case JsonStringNode text:
                    strings.Add(text);
                    break;
                case JsonObjectNode obj:
                    foreach (var member in obj.Members)
                    {
                        strings.Add(member.Key);
                        Collect(member.Value, strings);
                    }

                    break;
                case JsonArrayNode array:
                    foreach (var item in array.Items)
                    {
                        Collect(item, strings);
                    }

                    break;
            }

            return strings;
        }
    }

    private void Run()
    {
        SkipWhitespace();
        if (_position < _text.Length && _text[_position] != '{')
        {
            var start = _position;
            var value = ParseValue(0);
            if (Error is null)
            {
                Error = new TemplateError(TemplateErrorKind.JsonNotObject, "Data must be a JSON object, such as '{ \"text\": \"{inputs.message}\" }'", start, value?.Length ?? 1);
            }

            return;
        }

        if (_position >= _text.Length)
        {
            Fail("Data is empty; write a JSON object such as '{}'", _text.Length, 0, TemplateErrorKind.JsonNotObject);
            return;
        }

        var root = ParseValue(0) as JsonObjectNode;
        if (Error is not null)
        {
            return;
        }

        SkipWhitespace();
        if (_position < _text.Length)
        {
            Fail($"unexpected '{_text[_position]}' after the end of the JSON object", _position, 1);
            return;
        }

        Root = root;
    }

    private JsonNode? ParseValue(int depth)
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            Fail("the JSON ends where a value was expected", _text.Length, 0);
            return null;
        }

        if (depth > MaxDepth)
        {
            Fail($"the JSON is nested deeper than {MaxDepth} levels", _position, 1);
            return null;
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                return ParseString();
            case 't':
                return ParseWord("true", JsonLiteralKind.True);
            case 'f':
                return ParseWord("false", JsonLiteralKind.False);
            case 'n':
                return ParseWord("null", JsonLiteralKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                Fail(c == '\'' ? "JSON strings take double quotes, not single quotes" : $"unexpected '{c}' where a JSON value was expected", _position, 1);
                return null;
        }
    }

    private JsonNode? ParseObject(int depth)
    {
        var start = _position++;
        var members = new List<JsonMember>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return new JsonObjectNode(members, start, _position - start);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                Fail(Peek() == '}' ? "a ',' before '}' is not allowed in JSON" : "a JSON object member must start with a double-quoted name", Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0);
                return null;
            }

            var key = ParseString();
            if (key is null)
            {
                return null;
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                Fail("expected ':' after the member name", Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0);
                return null;
            }

            _position++;
            var value = ParseValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            members.Add(new JsonMember(key, value));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                return new JsonObjectNode(members, start, _position - start);
            }

            if (next != ',')
            {
                _position--;
                Fail("expected ',' or '}' in the JSON object", Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0);
                return null;
            }
        }
    }

    private JsonNode? ParseArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return new JsonArrayNode(items, start, _position - start);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() == ']')
            {
                Fail("a ',' before ']' is not allowed in JSON", _position, 1);
                return null;
            }

            var item = ParseValue(depth + 1);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                return new JsonArrayNode(items, start, _position - start);
            }

            if (next != ',')
            {
                _position--;
                Fail("expected ',' or ']' in the JSON array", Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0);
                return null;
            }
        }
    }

    private JsonStringNode? ParseString()
    {
        var start = _position++;
        var value = new StringBuilder();
        var offsets = new List<int>();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                offsets.Add(_position);
                _position++;
                return new JsonStringNode(value.ToString(), offsets.ToArray(), start, _position - start);
            }

            if (c < ' ')
            {
                Fail("a control character (such as a line break) must be escaped inside a JSON string, as '\\n'", _position, 1);
                return null;
            }

            offsets.Add(_position);
            if (c != '\\')
            {
                value.Append(c);
                _position++;
                continue;
            }

            if (_position + 1 >= _text.Length)
            {
                break;
            }

            var escape = _text[_position + 1];
            switch (escape)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u':
                    if (_position + 6 > _text.Length
                        || !int.TryParse(_text.Substring(_position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        Fail("'\\u' must be followed by four hex digits", _position, Math.Min(6, _text.Length - _position));
                        return null;
                    }

                    value.Append((char)code);
                    _position += 6;
                    continue;
                default:
                    Fail($"'\\{escape}' is not a JSON escape", _position, 2);
                    return null;
            }

            _position += 2;
        }

        Fail("the JSON string is never closed with '\"'", start, _text.Length - start);
        return null;
    }

    private JsonNode? ParseWord(string word, JsonLiteralKind kind)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            var end = _position;
            while (end < _text.Length && char.IsLetter(_text[end]))
            {
                end++;
            }

            Fail($"'{_text.Substring(start, Math.Max(1, end - start))}' is not a JSON value; strings take double quotes", start, Math.Max(1, end - start));
            return null;
        }

        _position += word.Length;
        return new JsonLiteralNode(kind, word, start, word.Length);
    }

    private JsonNode? ParseNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!Digits())
        {
            Fail("a JSON number needs digits", start, Math.Max(1, _position - start));
            return null;
        }

        if (Peek() == '.')
        {
            _position++;
            if (!Digits())
            {
                Fail("a JSON number needs digits after '.'", start, _position - start);
                return null;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!Digits())
            {
                Fail("a JSON number needs digits in its exponent", start, _position - start);
                return null;
            }
        }

        return new JsonLiteralNode(JsonLiteralKind.Number, _text.Substring(start, _position - start), start, _position - start);
    }

    private bool Digits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private void Fail(string message, int start, int length, TemplateErrorKind kind = TemplateErrorKind.JsonSyntax)
    {
        Error ??= new TemplateError(kind, "Data is not valid JSON: " + message, start, length);
    }
}
