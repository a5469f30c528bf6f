using System;
using System.ComponentModel;
using System.Text;

namespace WebhookTasks.Rendering;

/// <summary>
/// Percent-encodes values for a URL: everything but RFC 3986's unreserved characters
/// (<c>A-Z a-z 0-9 - . _ ~</c>) becomes <c>%XX</c> of its UTF-8 bytes, so a value can never
/// add a path segment, a query parameter or a fragment. Lone surrogates are encoded as U+FFFD.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UrlEncoding
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Encodes a value as one URL component (a path segment, a query name or a query value).</summary>
    /// <param name="value">The raw text.</param>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = IndexOfReserved(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        AppendEncoded(builder, value.AsSpan(first));
        return builder.ToString();
    }

    /// <summary>Appends a value, percent-encoded as one URL component.</summary>
    /// <param name="builder">Where to append.</param>
    /// <param name="value">The raw text.</param>
    public static void AppendEncoded(StringBuilder builder, ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c))
            {
                builder.Append(c);
                continue;
            }

            i = AppendEscaped(builder, value, i, Hex);
        }
    }

    /// <summary>
    /// Appends the percent escapes of the UTF-8 bytes of the character at <paramref name="index"/>: a surrogate pair
    /// as one code point, a lone surrogate as U+FFFD.
    /// </summary>
    /// <param name="builder">Where to append.</param>
    /// <param name="value">The text.</param>
    /// <param name="index">Where the character starts.</param>
    /// <param name="hex">The sixteen hexadecimal digits to use (upper or lower case).</param>
    /// <returns>The index of the character's last UTF-16 unit.</returns>
    internal static int AppendEscaped(StringBuilder builder, ReadOnlySpan<char> value, int index, string hex)
    {
        var c = value[index];
        int codePoint = c;
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, value[++index]);
        }
        else if (char.IsSurrogate(c))
        {
            codePoint = 0xFFFD;
        }

        Span<byte> utf8 = stackalloc byte[4];
        var length = new Rune(codePoint).EncodeToUtf8(utf8);
        for (var b = 0; b < length; b++)
        {
            builder.Append('%').Append(hex[utf8[b] >> 4]).Append(hex[utf8[b] & 0xF]);
        }

        return index;
    }

    /// <summary>Whether a character is unreserved in RFC 3986 and so never encoded.</summary>
    /// <param name="c">The character.</param>
    public static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    private static int IndexOfReserved(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsUnreserved(value[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
