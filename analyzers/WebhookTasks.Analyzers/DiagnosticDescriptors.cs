using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WebhookTasks.Analyzers;

/// <summary>Every rule's descriptor: one category, a help page per ID, a message that says how to fix it.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "WebhookTasks";

    /// <summary>The diagnostic property that carries a replacement for a code fix.</summary>
    public const string SuggestionProperty = "Suggestion";

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
        UnusedSecret);

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description,
            HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description,
            HelpLink(id));

    private static string HelpLink(string id) =>
        $"https://github.com/webhooktasks/webhooktasks/blob/main/docs/diagnostics/{id}.md";
}
