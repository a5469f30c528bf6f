using System.Collections.Generic;
using System.Text;

namespace WebhookTasks.Templates;

/// <summary>
/// Parses the template grammar shared by URLs, header values and the strings of <c>Data</c>:
/// literal text, <c>{{</c> and <c>}}</c> for braces, and placeholders
/// <c>{inputs.name(.Member)*(:format)?}</c> and <c>{secrets.name}</c>. Never throws; every error
/// lies inside the text.
/// </summary>
internal static class TemplateParser
{
    public const string InputsScope = "inputs";
    public const string SecretsScope = "secrets";

    public static Template Parse(string text)
    {
        var parts = new List<TemplatePart>();
        var errors = new List<TemplateError>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
                continue;
            }

            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}')
                {
                    literal.Append('}');
                    i += 2;
                    continue;
                }

                errors.Add(new TemplateError(TemplateErrorKind.LoneCloseBrace, "'}' closes no placeholder; write '}}' for a literal brace", i, 1));
                literal.Append('}');
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = IndexOfClose(text, i + 1, out var nested);
            if (nested >= 0)
            {
                errors.Add(new TemplateError(TemplateErrorKind.NestedBrace, "'{' inside a placeholder; write '{{' for a literal brace", nested, 1));
            }

            if (close < 0)
            {
                errors.Add(new TemplateError(TemplateErrorKind.UnclosedBrace, "'{' starts a placeholder that is never closed; close it with '}' or write '{{' for a literal brace", i, text.Length - i));
                literal.Append(text, i, text.Length - i);
                i = text.Length;
                break;
            }

            FlushLiteral(parts, literal, literalStart, i);
            var placeholder = ParsePlaceholder(text, i, close, errors);
            if (placeholder is not null)
            {
                parts.Add(placeholder);
            }

            i = close + 1;
            literalStart = i;
        }

        FlushLiteral(parts, literal, literalStart, text.Length);
        return new Template(text, parts, errors);
    }

    public static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    public static bool IsNameChar(char c) => IsNameStart(c) || c is (>= '0' and <= '9');

    private static int IndexOfClose(string text, int from, out int nested)
    {
        nested = -1;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                return i;
            }

            if (text[i] == '{' && nested < 0)
            {
                nested = i;
            }
        }

        return -1;
    }

    private static void FlushLiteral(List<TemplatePart> parts, StringBuilder literal, int start, int end)
    {
        if (end > start)
        {
            parts.Add(new LiteralPart(literal.ToString(), start, end - start));
        }

        literal.Clear();
    }

    private static PlaceholderPart? ParsePlaceholder(string text, int open, int close, List<TemplateError> errors)
    {
        var start = open + 1;
        var length = close + 1 - open;
        var content = text.Substring(start, close - start);
        if (content.Trim().Length == 0)
        {
            errors.Add(new TemplateError(TemplateErrorKind.EmptyPlaceholder, "'{}' is an empty placeholder; write '{inputs.name}', '{secrets.name}', or '{{}}' for literal braces", open, length));
            return null;
        }

        var colon = content.IndexOf(':');
        var path = colon < 0 ? content : content.Substring(0, colon);
        string? format = colon < 0 ? null : content.Substring(colon + 1);
        if (format is { Length: 0 })
        {
            errors.Add(new TemplateError(TemplateErrorKind.EmptyFormat, "':' must be followed by a format, such as ':yyyy-MM-dd'", start + colon, 1));
            return null;
        }

        var dot = path.IndexOf('.');
        var scope = dot < 0 ? path : path.Substring(0, dot);
        PlaceholderScope kind;
        if (scope == InputsScope)
        {
            kind = PlaceholderScope.Inputs;
        }
        else if (scope == SecretsScope)
        {
            kind = PlaceholderScope.Secrets;
        }
        else
        {
            var hint = scope switch
            {
                "input" or "Inputs" or "INPUTS" => "; did you mean 'inputs'?",
                "secret" or "Secrets" or "SECRETS" => "; did you mean 'secrets'?",
                _ => "",
            };
            errors.Add(new TemplateError(TemplateErrorKind.UnknownScope, $"'{scope}' is not a placeholder scope; use 'inputs' or 'secrets'{hint}", start, scope.Length == 0 ? 1 : scope.Length));
            return null;
        }

        if (dot < 0 || dot == path.Length - 1)
        {
            errors.Add(new TemplateError(TemplateErrorKind.MissingName, $"'{{{content}}}' names no {(kind == PlaceholderScope.Inputs ? "input" : "secret")}; write '{{{scope}.name}}'", open, length));
            return null;
        }

        var segments = path.Substring(dot + 1).Split('.');
        var nameStart = start + dot + 1;
        var name = segments[0];
        if (!IsValidName(name))
        {
            errors.Add(new TemplateError(TemplateErrorKind.InvalidName, $"'{name}' is not a valid name; a name has letters, digits and '_' and does not start with a digit", nameStart, name.Length == 0 ? 1 : name.Length));
            return null;
        }

        var members = new List<string>();
        var offset = nameStart + name.Length;
        for (var s = 1; s < segments.Length; s++)
        {
            offset++;
            var member = segments[s];
            if (!IsValidName(member))
            {
                errors.Add(new TemplateError(TemplateErrorKind.InvalidMemberPath, $"'{member}' is not a valid member name in '{path}'", member.Length == 0 ? offset - 1 : offset, member.Length == 0 ? 1 : member.Length));
                return null;
            }

            members.Add(member);
            offset += member.Length;
        }

        if (kind == PlaceholderScope.Secrets && (members.Count > 0 || format is not null))
        {
            errors.Add(new TemplateError(TemplateErrorKind.SecretWithMemberOrFormat, $"'{{{content}}}': a secret is text and takes no member path or format; write '{{secrets.{name}}}'", open, length));
            return null;
        }

        return new PlaceholderPart(kind, name, nameStart, members, format, open, length);
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
