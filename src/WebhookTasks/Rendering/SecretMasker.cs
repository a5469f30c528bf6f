using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebhookTasks.Rendering;

/// <summary>
/// Replaces secret values with <c>***</c>: raw, and in the forms a receiver that echoes what it got
/// is likely to write them (see <see cref="FormsOf"/>).
/// </summary>
internal static class SecretMasker
{
    internal const string Placeholder = "***";

    // The punctuation each encoder below leaves literal; letters and digits always are. RFC 3986 unreserved:
    private const string Unreserved = "-._~";

    // PathString.ToUriComponent (ASP.NET Core): RFC 3986 pchar, so sub-delims, ':' and '@' stay literal;
    // and '/' too when the path it is given holds the secret decoded (Kestrel hands it "%2F", which stays).
    private const string PathChars = "-._~!$&'()*+,;=:@";
    private const string PathCharsAndSlash = PathChars + "/";

    // UrlEncoder.Default, which QueryString.Add and QueryString.Create use.
    private const string UrlEncoderChars = "-._~!$()*,;@";

    // WebUtility.UrlEncode and HttpUtility.UrlEncode (the latter with lower-case hex); space is '+'.
    private const string WebUtilityChars = "-_.!*()";

    private static readonly string[] NoForms = Array.Empty<string>();

    /// <summary>Masks every form of every secret in a text.</summary>
    /// <param name="text">The text to mask.</param>
    /// <param name="forms">The forms from <see cref="FormsOf"/>, longest first.</param>
    internal static string Mask(string text, string[] forms)
    {
        foreach (var form in forms)
        {
            if (text.Length < form.Length)
            {
                continue;
            }

            text = text.Replace(form, Placeholder, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// Every form of the secrets that masking looks for, longest first (so that a form is replaced
    /// before any shorter one inside it): the raw value; percent-encoded as this library sends it
    /// (the same as <see cref="Uri.EscapeDataString"/>), as ASP.NET Core's <c>PathString</c> (with <c>/</c> encoded or literal)
    /// and <c>UrlEncoder.Default</c> re-encode it, and form-encoded (space as <c>+</c>) as
    /// <c>FormUrlEncodedContent</c> and <c>WebUtility.UrlEncode</c> do, each in upper- and lower-case hex;
    /// as Kestrel's decoded path holds it (only <c>/</c> as <c>%2F</c>); and each of these JSON-escaped,
    /// with System.Text.Json's default and relaxed encoders.
    /// </summary>
    /// <param name="secrets">The secret values.</param>
    internal static string[] FormsOf(IReadOnlyList<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return NoForms;
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            if (secret.Length == 0)
            {
                continue;
            }

            var texts = new List<string>
            {
                secret,
                secret.Replace("/", "%2F", StringComparison.Ordinal),
                secret.Replace("/", "%2f", StringComparison.Ordinal),
            };
            foreach (var lowerHex in new[] { false, true })
            {
                texts.Add(PercentEncode(secret, Unreserved, spaceAsPlus: false, lowerHex));
                texts.Add(PercentEncode(secret, PathChars, spaceAsPlus: false, lowerHex));
                texts.Add(PercentEncode(secret, PathCharsAndSlash, spaceAsPlus: false, lowerHex));
                texts.Add(PercentEncode(secret, UrlEncoderChars, spaceAsPlus: false, lowerHex));
                texts.Add(PercentEncode(secret, Unreserved, spaceAsPlus: true, lowerHex));
                texts.Add(PercentEncode(secret, WebUtilityChars, spaceAsPlus: true, lowerHex));
            }

            foreach (var text in texts)
            {
                forms.Add(text);
                forms.Add(JsonEncodedText.Encode(text).Value);
                forms.Add(JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value);
            }
        }

        var sorted = new string[forms.Count];
        forms.CopyTo(sorted);
        Array.Sort(sorted, static (a, b) => b.Length != a.Length ? b.Length - a.Length : string.CompareOrdinal(a, b));
        return sorted;
    }

    /// <summary>Percent-encodes the UTF-8 bytes of every character but letters, digits and <paramref name="literal"/>.</summary>
    private static string PercentEncode(string value, string literal, bool spaceAsPlus, bool lowerHex)
    {
        var hex = lowerHex ? "0123456789abcdef" : "0123456789ABCDEF";
        var text = new StringBuilder(value.Length * 3);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || literal.IndexOf(c) >= 0)
            {
                text.Append(c);
                continue;
            }

            if (c == ' ' && spaceAsPlus)
            {
                text.Append('+');
                continue;
            }

            i = UrlEncoding.AppendEscaped(text, value, i, hex);
        }

        return text.ToString();
    }
}
