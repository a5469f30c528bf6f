using System.Collections.Generic;

namespace WebhookTasks.Templates;

/// <summary>What a template error is about; the analyzers map each kind to a diagnostic.</summary>
internal enum TemplateErrorKind
{
    /// <summary>A <c>{</c> with no closing <c>}</c>.</summary>
    UnclosedBrace,

    /// <summary>A <c>}</c> that closes nothing and is not doubled.</summary>
    LoneCloseBrace,

    /// <summary><c>{}</c>, or a placeholder with nothing but spaces.</summary>
    EmptyPlaceholder,

    /// <summary>A scope other than <c>inputs</c> or <c>secrets</c>, such as <c>{input.x}</c>.</summary>
    UnknownScope,

    /// <summary>A scope with no name, such as <c>{inputs}</c> or <c>{inputs.}</c>.</summary>
    MissingName,

    /// <summary>A name with characters a name cannot have.</summary>
    InvalidName,

    /// <summary>A member path with an empty or invalid member, such as <c>{inputs.x..y}</c>.</summary>
    InvalidMemberPath,

    /// <summary>A <c>:</c> with no format after it.</summary>
    EmptyFormat,

    /// <summary>A member path or format on a secret, which is always text.</summary>
    SecretWithMemberOrFormat,

    /// <summary>A <c>{</c> inside a placeholder.</summary>
    NestedBrace,

    /// <summary>A URL that is not an absolute http or https URL.</summary>
    UrlNotAbsolute,

    /// <summary>A placeholder in a URL's scheme (a URL may be one placeholder as a whole).</summary>
    UrlPlaceholderInScheme,

    /// <summary>A placeholder in a URL's port, or a port that is not a number.</summary>
    UrlInvalidPort,

    /// <summary>User information (<c>user:pass@</c>) in a URL.</summary>
    UrlUserInfo,

    /// <summary>A URL host that is empty or not a host name.</summary>
    UrlInvalidHost,

    /// <summary>A <c>%</c> that is not followed by two hex digits.</summary>
    UrlInvalidPercentEncoding,

    /// <summary>A fragment (<c>#...</c>), which is never sent.</summary>
    UrlFragment,

    /// <summary><c>Data</c> that is not valid JSON.</summary>
    JsonSyntax,

    /// <summary><c>Data</c> whose root is not a JSON object.</summary>
    JsonNotObject,
}

/// <summary>An error in a template, located by offset and length in the template's text.</summary>
internal sealed class TemplateError
{
    public TemplateError(TemplateErrorKind kind, string message, int start, int length)
    {
        Kind = kind;
        Message = message;
        Start = start;
        Length = length;
    }

    public TemplateErrorKind Kind { get; }

    public string Message { get; }

    public int Start { get; }

    public int Length { get; }
}

/// <summary>The scope of a placeholder.</summary>
internal enum PlaceholderScope
{
    Inputs,
    Secrets,
}

/// <summary>A part of a template: literal text or a placeholder.</summary>
internal abstract class TemplatePart
{
    protected TemplatePart(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Offset of the part in the template's text.</summary>
    public int Start { get; }

    /// <summary>Length of the part in the template's text (<c>{{</c> counts two).</summary>
    public int Length { get; }
}

/// <summary>Literal text, with <c>{{</c> and <c>}}</c> already turned into single braces.</summary>
internal sealed class LiteralPart : TemplatePart
{
    public LiteralPart(string text, int start, int length)
        : base(start, length)
    {
        Text = text;
    }

    public string Text { get; }
}

/// <summary>A placeholder: <c>{inputs.name.Member:format}</c> or <c>{secrets.name}</c>.</summary>
internal sealed class PlaceholderPart : TemplatePart
{
    public PlaceholderPart(PlaceholderScope scope, string name, int nameStart, IReadOnlyList<string> members, string? format, int start, int length)
        : base(start, length)
    {
        Scope = scope;
        Name = name;
        NameStart = nameStart;
        Members = members;
        Format = format;
    }

    public PlaceholderScope Scope { get; }

    /// <summary>The input's or secret's name.</summary>
    public string Name { get; }

    /// <summary>Offset of <see cref="Name"/> in the template's text.</summary>
    public int NameStart { get; }

    /// <summary>The member path after the name, such as <c>Address</c>, <c>City</c>.</summary>
    public IReadOnlyList<string> Members { get; }

    /// <summary>The format after <c>:</c>, or <see langword="null"/>.</summary>
    public string? Format { get; }

    /// <summary>The placeholder as written, without braces, for messages.</summary>
    public string Display =>
        (Scope == PlaceholderScope.Inputs ? "inputs." : "secrets.") + Name
        + (Members.Count == 0 ? "" : "." + string.Join(".", Members))
        + (Format is null ? "" : ":" + Format);
}

/// <summary>A parsed template: its parts in order, and its errors (none when it is valid).</summary>
internal sealed class Template
{
    public Template(string text, IReadOnlyList<TemplatePart> parts, IReadOnlyList<TemplateError> errors)
    {
        Text = text;
        Parts = parts;
        Errors = errors;
    }

    public string Text { get; }

    public IReadOnlyList<TemplatePart> Parts { get; }

    public IReadOnlyList<TemplateError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The placeholder that is the whole template, or <see langword="null"/>.</summary>
    public PlaceholderPart? WholePlaceholder =>
        Parts.Count == 1 && Parts[0] is PlaceholderPart placeholder ? placeholder : null;

    public IEnumerable<PlaceholderPart> Placeholders
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is PlaceholderPart placeholder)
                {
                    yield return placeholder;
                }
            }
        }
    }
}
