using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Where each character of a string literal's value is written in the source: regular literals with
/// their escapes, verbatim literals with <c>""</c>, and raw literals, single- and multi-line, whose
/// closing line's indentation is stripped from every line.
/// </summary>
internal sealed class LiteralMap
{
    private LiteralMap(string value, int[] positions)
    {
        Value = value;
        Positions = positions;
    }

    /// <summary>The literal's value, as decoded from its text.</summary>
    public string Value { get; }

    /// <summary>
    /// The source position of each character of <see cref="Value"/>, and one more entry for its end
    /// (the position of the closing quote), so a span of the value maps to a span of the source.
    /// </summary>
    public int[] Positions { get; }

    /// <summary>The map of a string literal token, or <see langword="null"/> for any other or a broken token.</summary>
    public static LiteralMap? Build(SyntaxToken token)
    {
        if (token.ContainsDiagnostics)
        {
            return null;
        }

        var walker = new Walker(token.Text, token.SpanStart);
        var complete = token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", StringComparison.Ordinal) => walker.Verbatim(),
            SyntaxKind.StringLiteralToken => walker.Regular(),
            SyntaxKind.SingleLineRawStringLiteralToken => walker.RawSingleLine(),
            SyntaxKind.MultiLineRawStringLiteralToken => walker.RawMultiLine(),
            _ => false,
        };
        return complete ? walker.ToMap() : null;
    }

    private sealed class Walker
    {
        private readonly string _text;
        private readonly int _origin;
        private readonly StringBuilder _value = new();
        private readonly List<int> _positions = new();

        public Walker(string text, int origin)
        {
            _text = text;
            _origin = origin;
        }

        public LiteralMap ToMap() => new(_value.ToString(), _positions.ToArray());

        public bool Regular()
        {
            var end = _text.Length - 1;
            var i = 1;
            while (i < end)
            {
                if (_text[i] != '\\')
                {
                    Add(i, _text[i]);
                    i++;
                    continue;
                }

                var escape = i + 1 < end ? _text[i + 1] : '\0';
                switch (escape)
                {
                    case 'u':
                        if (!Hex(i + 2, 4, 4, out var utf16, out _))
                        {
                            return false;
                        }

                        Add(i, (char)utf16);
                        i += 6;
                        continue;
                    case 'U':
                        var valid = Hex(i + 2, 8, 8, out var utf32, out _);
                        if (!valid || utf32 is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                        {
                            return false;
                        }

                        foreach (var c in char.ConvertFromUtf32(utf32))
                        {
                            Add(i, c);
                        }

                        i += 10;
                        continue;
                    case 'x':
                        if (!Hex(i + 2, 1, 4, out var code, out var digits))
                        {
                            return false;
                        }

                        Add(i, (char)code);
                        i += 2 + digits;
                        continue;
                }

                if (Simple(escape) is not { } simple)
                {
                    return false;
                }

                Add(i, simple);
                i += 2;
            }

            return End(end);
        }

        public bool Verbatim()
        {
            var end = _text.Length - 1;
            var i = 2;
            while (i < end)
            {
                Add(i, _text[i]);
                i += _text[i] == '"' ? 2 : 1;
            }

            return End(end);
        }

        public bool RawSingleLine()
        {
            var quotes = LeadingQuotes();
            var end = _text.Length - quotes;
            for (var i = quotes; i < end; i++)
            {
                Add(i, _text[i]);
            }

            return End(end);
        }

        public bool RawMultiLine()
        {
            var quotes = LeadingQuotes();
            var closing = _text.Length - quotes;
            var lastBreak = _text.LastIndexOfAny(new[] { '\r', '\n' }, closing - 1);
            var firstBreak = _text.IndexOfAny(new[] { '\r', '\n' }, quotes);
            if (lastBreak < 0 || firstBreak < 0 || firstBreak >= lastBreak)
            {
                return false;
            }

            var indentation = _text.Substring(lastBreak + 1, closing - lastBreak - 1);
            var stop = _text[lastBreak] == '\n' && _text[lastBreak - 1] == '\r' ? lastBreak - 1 : lastBreak;
            var line = firstBreak + BreakLength(firstBreak);
            while (true)
            {
                var lineEnd = _text.IndexOfAny(new[] { '\r', '\n' }, line);
                if (lineEnd < 0 || lineEnd > stop)
                {
                    lineEnd = stop;
                }

                if (!IsWhitespace(line, lineEnd))
                {
                    if (string.CompareOrdinal(_text, line, indentation, 0, indentation.Length) != 0)
                    {
                        return false;
                    }

                    for (var i = line + indentation.Length; i < lineEnd; i++)
                    {
                        Add(i, _text[i]);
                    }
                }

                if (lineEnd >= stop)
                {
                    return End(stop);
                }

                var length = BreakLength(lineEnd);
                for (var i = lineEnd; i < lineEnd + length; i++)
                {
                    Add(i, _text[i]);
                }

                line = lineEnd + length;
            }
        }

        private void Add(int index, char c)
        {
            _value.Append(c);
            _positions.Add(_origin + index);
        }

        private bool End(int index)
        {
            _positions.Add(_origin + index);
            return true;
        }

        private int LeadingQuotes()
        {
            var count = 0;
            while (count < _text.Length && _text[count] == '"')
            {
                count++;
            }

            return count;
        }

        private int BreakLength(int index) =>
            _text[index] == '\r' && index + 1 < _text.Length && _text[index + 1] == '\n' ? 2 : 1;

        private bool IsWhitespace(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Hex(int start, int min, int max, out int value, out int digits)
        {
            digits = 0;
            while (digits < max && start + digits < _text.Length - 1 && IsHex(_text[start + digits]))
            {
                digits++;
            }

            value = 0;
            return digits >= min
                   && int.TryParse(
                       _text.Substring(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

        private static char? Simple(char escape) => escape switch
        {
            '\'' => '\'',
            '"' => '"',
            '\\' => '\\',
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            'e' => '\u001b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => null,
        };
    }
}
