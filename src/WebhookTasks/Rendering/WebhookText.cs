using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace WebhookTasks.Rendering;

/// <summary>
/// Formats input values as text the way templates define it: invariant culture, <c>true</c>/<c>false</c>,
/// round-trip ISO 8601 dates and times (dates and times of day as System.Text.Json writes them), well-formed UTF-16. Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebhookText
{
    /// <summary>Returns the text with every lone surrogate replaced by U+FFFD.</summary>
    /// <param name="value">The text, or <see langword="null"/>.</param>
    public static string? Format(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var index = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        return index < 0 ? value : ReplaceLoneSurrogates(value, index);
    }

    /// <summary>Formats a character.</summary>
    /// <param name="value">The value.</param>
    public static string Format(char value) => char.IsSurrogate(value) ? "\uFFFD" : value.ToString();

    /// <summary>Formats a nullable character.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(char? value) => value is { } v ? Format(v) : null;

    /// <summary>Formats a Boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats a nullable Boolean.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(bool? value) => value is { } v ? Format(v) : null;

    /// <summary>Formats a date and time as round-trip ISO 8601 (<c>O</c>).</summary>
    /// <param name="value">The value.</param>
    public static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a nullable date and time.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(DateTime? value) => value is { } v ? Format(v) : null;

    /// <summary>Formats a date, time and offset as round-trip ISO 8601 (<c>O</c>).</summary>
    /// <param name="value">The value.</param>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a nullable date, time and offset.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    /// <summary>Formats a date as ISO 8601 <c>yyyy-MM-dd</c>, as System.Text.Json writes it.</summary>
    /// <param name="value">The value.</param>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a nullable date.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(DateOnly? value) => value is { } v ? Format(v) : null;

    /// <summary>
    /// Formats a time of day as System.Text.Json writes it: <c>HH:mm:ss</c>, followed by seven digits of
    /// fraction (<c>.fffffff</c>) when the time is not a whole second.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string Format(TimeOnly value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>Formats a nullable time of day.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(TimeOnly? value) => value is { } v ? Format(v) : null;

    /// <summary>Formats a URI as it was given.</summary>
    /// <param name="value">The value.</param>
    public static string? Format(Uri? value) => value is null ? null : Format(value.OriginalString);

    /// <summary>Formats a value under the invariant culture with its default format.</summary>
    /// <typeparam name="T">A formattable type.</typeparam>
    /// <param name="value">The value.</param>
    public static string? Format<T>(T value)
        where T : IFormattable => value is null ? null : Format(value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Formats a nullable value under the invariant culture with its default format.</summary>
    /// <typeparam name="T">A formattable value type.</typeparam>
    /// <param name="value">The value.</param>
    public static string? Format<T>(T? value)
        where T : struct, IFormattable => value is { } v ? Format(v.ToString(null, CultureInfo.InvariantCulture)) : null;

    /// <summary>Formats a value under the invariant culture with a format string, as <c>{inputs.x:FORMAT}</c> asks.</summary>
    /// <typeparam name="T">A formattable type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    public static string? Format<T>(T value, string format)
        where T : IFormattable => value is null ? null : Format(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>Formats a nullable value under the invariant culture with a format string.</summary>
    /// <typeparam name="T">A formattable value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    public static string? Format<T>(T? value, string format)
        where T : struct, IFormattable => value is { } v ? Format(v.ToString(format, CultureInfo.InvariantCulture)) : null;

    /// <summary>Formats any other value by its <see cref="object.ToString"/>.</summary>
    /// <param name="value">The value.</param>
    public static string? FormatObject(object? value) => value is null ? null : Format(value.ToString());

    private static string ReplaceLoneSurrogates(string value, int start)
    {
        var text = new StringBuilder(value.Length);
        text.Append(value, 0, start);
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return text.ToString();
    }
}
