namespace WebhookTasks.Analyzers;

/// <summary>Every diagnostic ID the analyzers report; the one place a rule's identity is written.</summary>
public static class DiagnosticIds
{
    /// <summary>A task class, or a type containing it, is not <c>partial</c>.</summary>
    public const string ClassNotPartial = "WHT0001";

    /// <summary>A placeholder names an input the class does not have.</summary>
    public const string UnknownInput = "WHT0002";

    /// <summary>A template breaks the placeholder grammar.</summary>
    public const string MalformedTemplate = "WHT0003";

    /// <summary>A placeholder names a secret no <c>[Secret]</c> declares.</summary>
    public const string UndeclaredSecret = "WHT0004";

    /// <summary>The URL template is not a valid absolute http or https URL.</summary>
    public const string InvalidUrl = "WHT0005";

    /// <summary><c>Data</c> is not valid JSON, or not a JSON object.</summary>
    public const string InvalidData = "WHT0006";

    /// <summary><c>Data</c> of a GET or DELETE task holds a nested object or array.</summary>
    public const string NestedQueryData = "WHT0007";

    /// <summary>A placeholder's member path names a property its type does not have.</summary>
    public const string UnknownMember = "WHT0008";

    /// <summary>A <c>:FORMAT</c> on a value that is not <see cref="System.IFormattable"/>.</summary>
    public const string FormatNotSupported = "WHT0009";

    /// <summary>A collection where a single text value is needed.</summary>
    public const string CollectionInText = "WHT0010";

    /// <summary>A header name that is not a valid HTTP token.</summary>
    public const string InvalidHeaderName = "WHT0011";

    /// <summary>A task with no <c>Url</c>.</summary>
    public const string MissingUrl = "WHT0012";

    /// <summary>A <c>Method</c> that is not one of the <c>WebhookMethod</c> values.</summary>
    public const string UnknownMethod = "WHT0013";

    /// <summary>A URL fragment, which is never sent.</summary>
    public const string UrlFragment = "WHT0014";

    /// <summary>A task class the generator cannot extend: generic, inside a generic type, or static.</summary>
    public const string UnsupportedClass = "WHT0015";

    /// <summary>Two inputs whose names differ only in case.</summary>
    public const string AmbiguousInputs = "WHT0016";

    /// <summary>An input that no template uses.</summary>
    public const string UnusedInput = "WHT0017";

    /// <summary>A declared secret that no template uses.</summary>
    public const string UnusedSecret = "WHT0018";

    /// <summary>Two tasks in one compilation share a name (compared ignoring case).</summary>
    public const string DuplicateTaskName = "WHT0019";

    /// <summary>A secret in a URL query, or in a URL that results show.</summary>
    public const string SecretInUrl = "WHT0020";

    /// <summary>Two headers with one name (compared ignoring case).</summary>
    public const string DuplicateHeader = "WHT0021";

    /// <summary>A placeholder in a header name, which is taken literally.</summary>
    public const string PlaceholderInHeaderName = "WHT0022";

    /// <summary>A header that the HTTP transport sets itself.</summary>
    public const string TransportHeader = "WHT0023";

    /// <summary>An input whose type cannot be formatted, serialized or passed to the generated code.</summary>
    public const string UnsupportedInputType = "WHT0024";

    /// <summary>A <c>TimeoutSeconds</c> that is not a positive number of seconds the client can wait.</summary>
    public const string InvalidTimeout = "WHT0025";

    /// <summary>A member the user declares with the name of one the generator adds.</summary>
    public const string GeneratedMemberConflict = "WHT0026";

    /// <summary>A header value template with a literal CR, LF or NUL, which is refused whenever it is sent.</summary>
    public const string HeaderValueLineBreak = "WHT0027";

    /// <summary>An <c>[Input]</c> name that no placeholder can spell.</summary>
    public const string InvalidInputName = "WHT0028";
}
