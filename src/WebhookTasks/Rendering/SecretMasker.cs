using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebhookTasks.Rendering;

/// <summary>Replaces secret values, raw, percent-encoded and JSON-escaped, with <c>***</c>.</summary>
internal static class SecretMasker
{
    internal const string Placeholder = "***";

    internal static string Mask(string text, IReadOnlyList<string> secrets)
    {
        if (secrets.Count == 0 || text.Length == 0)
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (secret.Length == 0)
            {
                continue;
            }

            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
            text = ReplaceForm(text, UrlEncoding.Encode(secret), secret);
            text = ReplaceForm(text, JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, secret);
            text = ReplaceForm(text, JsonEncodedText.Encode(secret).Value, secret);
        }

        return text;
    }

    private static string ReplaceForm(string text, string form, string secret) =>
        form == secret ? text : text.Replace(form, Placeholder, StringComparison.Ordinal);
}
