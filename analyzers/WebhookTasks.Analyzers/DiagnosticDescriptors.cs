using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WebhookTasks.Analyzers;

/// <summary>Every rule's descriptor: one category, a help page per ID, a message that says how to fix it.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "WebhookTasks";

    /// <summary>The diagnostic property that carries a replacement for a code fix.</summary>
    public const string SuggestionProperty = DiagnosticProperties.Suggestion;

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        DiagnosticIds.ClassNotPartial,
        "Webhook task class must be partial",
        "'{0}' must be partial so that the members of webhook task '{1}' can be generated; add the 'partial' "
        + "modifier",
        "The generator adds Render, InvokeAsync and Descriptor to the task class itself, which C# allows only "
        + "when the class and every type containing it are declared partial.");

    public static readonly DiagnosticDescriptor UnknownInput = Error(
        DiagnosticIds.UnknownInput,
        "Placeholder names an unknown input",
        "'{0}' names no input of '{1}'; {2}",
        "An input is a public settable property of the task class, named by the property or by its [Input] "
        + "attribute and matched ignoring case. A placeholder naming anything else has no value to render.");

    public static readonly DiagnosticDescriptor MalformedTemplate = Error(
        DiagnosticIds.MalformedTemplate,
        "Template is malformed",
        "The {0} template is malformed: {1}",
        "Templates contain literal text, '{{' and '}}' for braces, and placeholders "
        + "'{inputs.name.Member:FORMAT}' or '{secrets.name}'. Anything else between braces cannot be rendered.");

    public static readonly DiagnosticDescriptor UndeclaredSecret = Error(
        DiagnosticIds.UndeclaredSecret,
        "Placeholder names an undeclared secret",
        "'{0}' names a secret that '{1}' does not declare; add [Secret(\"{2}\")] to the class, or correct the name",
        "A task may only read the secrets it declares with [Secret], so that the secrets it needs are visible "
        + "on the class and in its Descriptor.");

    public static readonly DiagnosticDescriptor InvalidUrl = Error(
        DiagnosticIds.InvalidUrl,
        "Url is not a valid http or https URL",
        "The Url is not valid: {0}",
        "A task's Url must be an absolute http or https URL with a literal scheme, a valid host and port and no "
        + "user information, or a single placeholder that holds such a URL. Other URLs cannot be sent safely.");

    public static readonly DiagnosticDescriptor InvalidData = Error(
        DiagnosticIds.InvalidData,
        "Data is not a JSON object",
        "{0}",
        "Data is parsed as strict JSON at compile time and must be an object; its members become the JSON body, "
        + "or the query parameters of a GET or DELETE request.");

    public static readonly DiagnosticDescriptor NestedQueryData = Error(
        DiagnosticIds.NestedQueryData,
        "Nested Data cannot be sent as a query",
        "'{0}' in Data is a nested {1}, which a {2} request cannot send as a query parameter; use a string, "
        + "number, Boolean or array of those, or send the task with POST, PUT or PATCH",
        "GET and DELETE send Data's top-level members as query parameters, and a query parameter holds one "
        + "value or a repeated key, never a nested object or array.");

    public static readonly DiagnosticDescriptor UnknownMember = Error(
        DiagnosticIds.UnknownMember,
        "Member path names an unknown property",
        "'{0}' has no public readable property '{1}', so '{2}' cannot be rendered; correct the member path",
        "A member path in a placeholder is resolved at compile time against the public instance properties of "
        + "the value's type.");

    public static readonly DiagnosticDescriptor FormatNotSupported = Error(
        DiagnosticIds.FormatNotSupported,
        "Format needs an IFormattable value",
        "'{0}' has the format '{1}', but its type '{2}' is not IFormattable; remove the format, or expose a "
        + "formattable property and use that",
        "A ':FORMAT' is passed to IFormattable.ToString with the invariant culture, so it applies only to "
        + "numbers, dates, enums and other IFormattable types.");

    public static readonly DiagnosticDescriptor CollectionInText = Error(
        DiagnosticIds.CollectionInText,
        "Collection used as text",
        "'{0}' is a collection of type '{1}' and cannot be written as text in {2}; use it as a whole query "
        + "value or a whole Data value, or refer to a single value",
        "A collection has no single text form. It may be the whole value of a query parameter (the key repeats) "
        + "or a whole Data value (a JSON array); a query parameter needs a collection of scalars.");

    public static readonly DiagnosticDescriptor InvalidHeaderName = Error(
        DiagnosticIds.InvalidHeaderName,
        "Header name is not valid",
        "'{0}' is not a valid HTTP header name; use letters, digits and the characters !#$%&'*+-.^_`|~ only",
        "A header name is an HTTP token (RFC 9110); any other name is refused by the HTTP stack when the "
        + "request is sent.");

    public static readonly DiagnosticDescriptor MissingUrl = Error(
        DiagnosticIds.MissingUrl,
        "Webhook task has no Url",
        "Webhook task '{0}' has no Url; set Url to an absolute http or https URL, such as Url = "
        + "\"https://example.com/hook\"",
        "Every task sends a request to its Url, so a task without one cannot be rendered.");

    public static readonly DiagnosticDescriptor UnknownMethod = Error(
        DiagnosticIds.UnknownMethod,
        "Method is not a WebhookMethod",
        "'{0}' is not a WebhookMethod value; use WebhookMethod.Get, Post, Put, Patch or Delete",
        "The generator decides at compile time how Data is sent from the method, so the method must be one of "
        + "the named WebhookMethod values.");

    public static readonly DiagnosticDescriptor UrlFragment = Warning(
        DiagnosticIds.UrlFragment,
        "URL fragment is never sent",
        "The fragment '{0}' is never sent; remove it from the Url",
        "A fragment ('#...') is a client-side part of a URL; HTTP requests do not carry it, so it is dropped when "
        + "the task is sent.");

    public static readonly DiagnosticDescriptor UnsupportedClass = Error(
        DiagnosticIds.UnsupportedClass,
        "Webhook task class is not supported",
        "'{0}' cannot be a webhook task because {1}; {2}",
        "The generator adds static members and a static Descriptor to the task class, and constructs it from "
        + "its inputs; a generic or static class gets no generated code at all.");

    public static readonly DiagnosticDescriptor AmbiguousInputs = Error(
        DiagnosticIds.AmbiguousInputs,
        "Input names differ only in case",
        "Inputs '{0}' and '{1}' of '{2}' differ only in case, so placeholders cannot tell them apart; rename "
        + "one, or give it another name with [Input]",
        "Placeholders match input names ignoring case, as ASP.NET route parameters do, so two names that differ "
        + "only in case would make every placeholder for them ambiguous.");

    public static readonly DiagnosticDescriptor UnusedInput = Warning(
        DiagnosticIds.UnusedInput,
        "Input is not used",
        "'{0}' is an input of '{1}' that no template uses; refer to it as '{2}' in the Url, a header or Data, "
        + "or remove it",
        "Every public settable property is an input: a parameter of the static InvokeAsync and part of the "
        + "Descriptor. An input no template uses is sent nowhere, which is most often a misspelt or forgotten "
        + "placeholder.");

    public static readonly DiagnosticDescriptor UnusedSecret = Warning(
        DiagnosticIds.UnusedSecret,
        "Secret is not used",
        "Secret '{0}' is declared on '{1}' but no template uses it; refer to it as '{2}', or remove the [Secret] "
        + "attribute",
        "A declared secret is listed in the task's Descriptor, so tooling may provision it; one that no template "
        + "uses is most often a misspelt or forgotten placeholder.");

    public static readonly DiagnosticDescriptor DuplicateTaskName = new(
        DiagnosticIds.DuplicateTaskName,
        "Task name is used by another task",
        "Webhook task name '{0}' is also used by '{1}'; give each task a unique name with [WebhookTask(\"name\")]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "A task's name identifies it in results, errors, logs, traces, metrics and per-task configuration such as "
        + "origin overrides (matched ignoring case), so two tasks with one name cannot be told apart.",
        HelpLink(DiagnosticIds.DuplicateTaskName),
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SecretInUrl = Warning(
        DiagnosticIds.SecretInUrl,
        "Secret is part of a logged URL",
        "'{0}' puts a secret in {1}; send it in a header instead, such as [Header(\"Authorization\", \"Bearer {0}\")]",
        "URLs are what servers, proxies and tools log, and a task with ShowUrl = true copies its URL into every "
        + "result. The value is masked there as '***', but only in the forms it was sent in. A secret that is the "
        + "whole Url is fine: results show only its origin followed by '/***'.");

    public static readonly DiagnosticDescriptor DuplicateHeader = Warning(
        DiagnosticIds.DuplicateHeader,
        "Header is declared twice",
        "Header '{0}' is already declared as '{1}'; remove one, or join the values into one header",
        "Header names are compared ignoring case. A repeated request header is sent twice, which most receivers "
        + "read as one comma-joined value or reject, and a repeated content header (Content-Type, ...) keeps only "
        + "the last value.");

    public static readonly DiagnosticDescriptor PlaceholderInHeaderName = Error(
        DiagnosticIds.PlaceholderInHeaderName,
        "Header name cannot hold a placeholder",
        "Header name '{0}' holds the placeholder '{1}', but header names are taken literally; use a fixed name and "
        + "put the placeholder in the value",
        "Only header values are templates. A name is sent as written, and braces are not allowed in a header name, "
        + "so the header would be refused when the request is sent.");

    public static readonly DiagnosticDescriptor TransportHeader = Warning(
        DiagnosticIds.TransportHeader,
        "Header is set by the HTTP transport",
        "Header '{0}' is set by the HTTP transport from the request itself; remove the [Header]",
        "HttpClient writes Host, Content-Length, Transfer-Encoding, Connection and the other framing headers from "
        + "the request it sends. A declared value either conflicts with the real one, which breaks the request, "
        + "or is silently replaced.");

    public static readonly DiagnosticDescriptor UnsupportedInputType = Error(
        DiagnosticIds.UnsupportedInputType,
        "Input type is not supported",
        "{0} has type '{1}', which {2}; use a string, number, date, enum, collection or plain data type instead",
        "Inputs are parameters of the generated InvokeAsync and are written as text with ToString or as JSON with "
        + "System.Text.Json. Pointers and ref structs cannot be parameters there, and delegates and reflection "
        + "types have neither a useful text form nor a JSON form: sending one would fail at run time.");

    public static readonly DiagnosticDescriptor InvalidTimeout = Error(
        DiagnosticIds.InvalidTimeout,
        "TimeoutSeconds is out of range",
        "'TimeoutSeconds = {0}' is not a timeout the client can wait; use 1 to 2147483 seconds, or remove it for "
        + "the client's default of 10 seconds",
        "A timeout of zero fails every call before it is sent, and a negative one, or one longer than "
        + "int.MaxValue milliseconds, makes the client throw ArgumentOutOfRangeException whenever the task runs.");

    public static readonly DiagnosticDescriptor GeneratedMemberConflict = Error(
        DiagnosticIds.GeneratedMemberConflict,
        "Member conflicts with a generated member",
        "'{0}' is a member the generator adds to webhook task class '{1}'; rename or remove this member",
        "The generator adds Render, InvokeAsync and Descriptor (and the IWebhookTask members) to every task class; "
        + "a member of the same name declared by the class itself makes the generated code fail to compile.");

    public static readonly DiagnosticDescriptor HeaderValueLineBreak = Error(
        DiagnosticIds.HeaderValueLineBreak,
        "Header value contains a line break",
        "The value of header '{0}' contains {1}, which is refused whenever the task is sent; remove it",
        "A header value is one line of text. The client refuses a value containing CR, LF or NUL before anything "
        + "is sent, so a template that holds one literally fails on every call.");

    public static readonly DiagnosticDescriptor InvalidInputName = Error(
        DiagnosticIds.InvalidInputName,
        "Input name cannot be used in a placeholder",
        "'{0}' is not a valid input name; use letters, digits and '_', not starting with a digit, such as '{1}'",
        "A placeholder names an input as '{inputs.name}', where the name has ASCII letters, digits and '_' only "
        + "and does not start with a digit. Any other [Input] name can never be used, and the generated InvokeAsync, "
        + "whose parameters are named after the inputs, would not compile.");

    /// <summary>Every rule, in ID order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        ClassNotPartial,
        UnknownInput,
        MalformedTemplate,
        UndeclaredSecret,
        InvalidUrl,
        InvalidData,
        NestedQueryData,
        UnknownMember,
        FormatNotSupported,
        CollectionInText,
        InvalidHeaderName,
        MissingUrl,
        UnknownMethod,
        UrlFragment,
        UnsupportedClass,
        AmbiguousInputs,
        UnusedInput,
        UnusedSecret,
        DuplicateTaskName,
        SecretInUrl,
        DuplicateHeader,
        PlaceholderInHeaderName,
        TransportHeader,
        UnsupportedInputType,
        InvalidTimeout,
        GeneratedMemberConflict,
        HeaderValueLineBreak,
        InvalidInputName);

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description,
            HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description,
            HelpLink(id));

    private static string HelpLink(string id) =>
        $"https://github.com/webhooktasks/webhooktasks/blob/main/docs/diagnostics/{id}.md";
}
