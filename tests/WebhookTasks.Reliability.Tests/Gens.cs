using System.Linq;
using System.Text;
using CsCheck;

namespace WebhookTasks.Reliability.Tests;

/// <summary>The random inputs the properties draw from.</summary>
internal static class Gens
{
    /// <summary>Pieces that template text is built from: the grammar's own characters, near misses, and awkward text.</summary>
    private static readonly string[] TemplateTokens =
    [
        "{", "}", "{{", "}}", "{inputs.", "{secrets.", "{inputs.x}", "{inputs.x.Y}", "{inputs.x:F2}", "{secrets.s}",
        "{input.x}", "{inputs}", "{inputs.}", "{inputs..}", "{inputs.1x}", "{ }", "{}", ":", ".", "inputs", "secrets",
        "x", "Y", "_", "1", " ", "\t", "\n", "\r", "\0", "\u0001", "\\", "\\\\", "\\\"", "\\u", "\\u00e9", "\\uD83D", "\\x",
        "\"", "'", "/", "//", "?", "&", "=", "#", "%", "%2", "%2F", "%zz", "@", "[", "]", "[::1]", "+", ",", ";",
        "http://", "https://", "HTTP://", "ftp://", "://", "localhost", "example.com", ":8080", ":99999", ":x",
        "é", "ü", "\u4e2d", "😀", "\uD83D", "\uDE00", "\uFFFD", "\u200B", "\u00A0",
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\"a\"", "\"{inputs.x}\"", "\"{secrets.s}\"", "\"x {inputs.x} y\"", "\"{{\"",
        "\"}\"", "\"{\"", "\"{inputs.}\"", "\"\\u00e9{inputs.x}\"", "\"\\n{inputs.\"", "\\", "\\u", "\\u12", "\\uD800",
        "true", "false", "null", "nul", "tru", "1", "-", "-0", "0.5", "1e", "1e+5", "01", ".5", " ", "\n", "\t", "\u0001",
        "'a'", "é", "😀", "\uD83D", "{inputs.x}", "}}",
    ];

    /// <summary>Short text made of template tokens: the strings a template parser must survive.</summary>
    public static readonly Gen<string> TemplateText =
        Gen.OneOf(TemplateTokens).Array[0, 30].Select(string.Concat);

    /// <summary>Text made of JSON and template tokens.</summary>
    public static readonly Gen<string> JsonText =
        Gen.OneOf(JsonTokens).Array[0, 40].Select(string.Concat);

    /// <summary>Any UTF-16 text, lone surrogates included.</summary>
    public static readonly Gen<string> AnyText = Gen.Char.Array[0, 40].Select(chars => new string(chars));

    /// <summary>Very long text: a template token repeated thousands of times, with a tail.</summary>
    public static readonly Gen<string> LongText =
        Gen.Select(
            Gen.OneOf(TemplateTokens),
            Gen.Int[1_000, 20_000],
            TemplateText,
            (token, count, tail) => string.Concat(Enumerable.Repeat(token, count)) + tail);

    /// <summary>Deeply nested JSON: objects and arrays nested 0 to 3,000 levels, closed or not.</summary>
    public static readonly Gen<string> DeepJson =
        Gen.Select(Gen.Int[0, 3_000], Gen.Bool, Gen.Bool, JsonText, (depth, arrays, close, tail) =>
        {
            var text = new StringBuilder("{\"a\":");
            for (var i = 0; i < depth; i++)
            {
                text.Append(arrays && i % 2 == 0 ? "[" : "{\"k\":");
            }

            text.Append("\"{inputs.x}\"");
            if (close)
            {
                for (var i = depth - 1; i >= 0; i--)
                {
                    text.Append(arrays && i % 2 == 0 ? "]" : "}");
                }

                text.Append('}');
            }

            return text.Append(tail).ToString();
        });

    /// <summary>Every kind of template text at once.</summary>
    public static readonly Gen<string> AnyTemplate = Gen.Frequency<string>(
        (6, TemplateText),
        (3, JsonText),
        (2, AnyText),
        (1, LongText),
        (1, DeepJson));

    private static readonly Gen<char> AwkwardChar = Gen.Frequency<char>(
        (8, Gen.Char['a', 'z']),
        (4, Gen.OneOf('/', '%', '+', ' ', '"', '\'', '?', '&', '=', '#', '.', '\\', '{', '}', ':', ';', '@', '~', '-', '_', '*', '[', ']')),
        (2, Gen.Char['\0', '\u001F']),
        (2, Gen.Char['\u0080', '\u07FF']),
        (1, Gen.Char['\u0800', '\uD7FF']),
        (1, Gen.Char['\uD800', '\uDFFF']),
        (1, Gen.Char['\uE000', '\uFFFF']));

    private static readonly Gen<string> Emoji = Gen.OneOf("😀", "👍🏽", "🇫🇷", "𝄞", "👩‍👩‍👧");

    /// <summary>Input values with <c>/</c>, <c>%</c>, <c>+</c>, spaces, quotes, control characters, emoji and lone surrogates.</summary>
    public static readonly Gen<string> Value =
        Gen.Frequency<string>((5, AwkwardChar.Select(c => c.ToString())), (1, Emoji)).Array[0, 12].Select(string.Concat);

    /// <summary>Values without NUL, which HTTP servers refuse in a request target.</summary>
    public static readonly Gen<string> ValueWithoutNul = Value.Select(v => v.Replace('\0', '\u0001'));

    /// <summary>What a value becomes once sent as UTF-8: every lone surrogate is U+FFFD.</summary>
    public static string AsSent(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
}
