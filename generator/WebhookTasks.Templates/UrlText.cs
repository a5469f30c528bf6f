using System.Text;

namespace WebhookTasks.Templates;

/// <summary>
/// Percent-encoding at compile time, by the same rule as the runtime's <c>UrlEncoding</c>: RFC 3986's
/// unreserved characters stay, everything else becomes <c>%XX</c> of its UTF-8 bytes (a lone surrogate
/// as U+FFFD). Literal names that the generator encodes ahead of time so match what values get at run time.
/// </summary>
internal static class UrlText
{
    private const string Hex = "0123456789ABCDEF";

    public static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    public static string EncodeComponent(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c))
            {
                text.Append(c);
                continue;
            }

            string scalar;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                scalar = value.Substring(i++, 2);
            }
            else
            {
                scalar = char.IsSurrogate(c) ? "\uFFFD" : c.ToString();
            }

            foreach (var b in Encoding.UTF8.GetBytes(scalar))
            {
                text.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return text.ToString();
    }
}
