using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WebhookTasks.Symbols;
using WebhookTasks.Templates;

namespace WebhookTasks.Analyzers;

/// <summary>
/// Checks one webhook task the way the generator's render planner reads it, so that every declaration
/// the generator gives up on gets a diagnostic. Reads the shared <see cref="TaskDeclaration"/> and the
/// shared template grammar; arguments that are missing, not constant or in error are skipped, never thrown on.
/// </summary>
internal sealed class TaskChecker
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>The members the generator adds to every task class.</summary>
    private static readonly string[] GeneratedMemberNames = { "Render", "InvokeAsync", "Descriptor" };

    /// <summary>
    /// Headers that HttpClient writes from the request itself (its framing and connection management); a
    /// declared value conflicts with the real one or is replaced.
    /// </summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Proxy-Connection", "Upgrade",
        "TE", "Trailer",
    };

    private static readonly char[] LineBreaks = { '\r', '\n', '\0' };

    private readonly TaskDeclaration _task;
    private readonly Compilation _compilation;
    private readonly Action<Diagnostic> _report;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _usedInputs = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _usedSecrets = new(StringComparer.Ordinal);
    private readonly List<Action> _unknownInputs = new();

    /// <summary>
    /// Whether every template was read and every placeholder named something, so that an input or secret
    /// no placeholder uses is really unused rather than misspelt.
    /// </summary>
    private bool _readAll = true;

    /// <summary><c>System.Reflection.MemberInfo</c>, looked up once the first placeholder needs it.</summary>
    private INamedTypeSymbol? _memberInfo;

    private bool _memberInfoLooked;

    private TaskChecker(
        TaskDeclaration task, Compilation compilation, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        _task = task;
        _compilation = compilation;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How a placeholder's value is written where it stands, which decides what its type may be.</summary>
    private enum Position
    {
        /// <summary>Only its name and member path are checked: the template around it is already in error.</summary>
        NameOnly,

        /// <summary>Formatted as text: a collection has no text form.</summary>
        Text,

        /// <summary>The whole value of a query parameter: a collection of scalars repeats the key.</summary>
        QueryValue,

        /// <summary>A whole JSON value: any type is written as its own JSON.</summary>
        JsonValue,
    }

    /// <summary>
    /// Reports every problem of the task that <paramref name="attribute"/> declares on <paramref name="type"/>;
    /// returns where its name is written, for the compilation-wide check of duplicate names, or
    /// <see langword="null"/> when the attribute is on something other than a class.
    /// </summary>
    public static TaskNameSite? Check(
        INamedTypeSymbol type,
        AttributeData attribute,
        Compilation compilation,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        // [WebhookTask] applies to classes only; on anything else the compiler reports the misuse.
        if (type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        var checker = new TaskChecker(TaskDeclaration.Read(type, attribute), compilation, report, cancellationToken);
        checker.CheckPartial();
        checker.CheckSupported();
        checker.CheckGeneratedMembers();
        checker.CheckInputNames();
        checker.CheckInputTypes();
        checker.CheckMethod();
        checker.CheckTimeout();
        checker.CheckUrl();
        checker.CheckHeaders();
        checker.CheckData();
        checker.CheckUnused();
        return checker.NameSite();
    }

    /// <summary>The task's name and where to find it, should another task use the same name.</summary>
    private TaskNameSite NameSite() => new(_task.Name, _task.Type, _task.Attribute, _task.ExplicitName);

    /// <summary>
    /// A member of the class itself named like one the generator adds. The generator's own members are seen
    /// too, in the IDE and in a build, but a diagnostic in generated code is never reported (see
    /// <see cref="WebhookTaskAnalyzer"/>'s generated-code setting), so they need no filtering here.
    /// </summary>
    private void CheckGeneratedMembers()
    {
        foreach (var member in _task.Type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || !IsGeneratedMemberName(member))
            {
                continue;
            }

            foreach (var location in member.Locations.Where(l => l.IsInSource))
            {
                Report(DiagnosticDescriptors.GeneratedMemberConflict, location, member.Name, _task.Type.Name);
            }
        }
    }

    private static bool IsGeneratedMemberName(ISymbol member)
    {
        var name = member.Name;

        // An explicit implementation is named after its interface: WebhookTasks.IWebhookTask.Descriptor.
        const string explicitPrefix = "WebhookTasks.IWebhookTask.";
        if (name.StartsWith(explicitPrefix, StringComparison.Ordinal))
        {
            name = name.Substring(explicitPrefix.Length);
        }

        return Array.IndexOf(GeneratedMemberNames, name) >= 0;
    }

    /// <summary>Inputs the generated InvokeAsync cannot take as parameters at all: pointers.</summary>
    private void CheckInputTypes()
    {
        foreach (var input in _task.Inputs)
        {
            var type = input.Property.Type;
            if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                var location = input.Property.Locations.FirstOrDefault(l => l.IsInSource)
                    ?? _task.Type.Locations.FirstOrDefault(l => l.IsInSource)
                    ?? AttributeLocation(_task.Attribute);
                const string reason = "is a pointer, which the generated code cannot take outside unsafe code";
                var typeName = type.ToDisplayString(TypeFormat);
                Report(DiagnosticDescriptors.UnsupportedInputType, location, $"Input '{input.Name}'", typeName, reason);
            }
        }
    }

    private void CheckTimeout()
    {
        if (!TryGetNamedArgument("TimeoutSeconds", out var value) || value.Value is not int seconds)
        {
            return;
        }

        // CancellationTokenSource.CancelAfter takes at most int.MaxValue milliseconds.
        if (seconds < 1 || seconds > int.MaxValue / 1000)
        {
            var expression = TemplateLocation.FindArgument(_task.Attribute, "TimeoutSeconds", -1, _cancellationToken);
            var location = expression?.GetLocation() ?? AttributeLocation(_task.Attribute);
            var text = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Report(DiagnosticDescriptors.InvalidTimeout, location, text);
        }
    }

    /// <summary>
    /// Reports a type containing a task that is not partial. Called from the container's own symbol action, so
    /// that the diagnostic is local to the type it is on and the IDE offers its fix without full analysis.
    /// </summary>
    public static void CheckContainer(
        INamedTypeSymbol container,
        INamedTypeSymbol type,
        AttributeData attribute,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        var name = TaskDeclaration.Read(type, attribute).Name;
        ReportNotPartial(container, name, report, cancellationToken);
    }

    private void CheckPartial() => ReportNotPartial(_task.Type, _task.Name, _report, _cancellationToken);

    private static void ReportNotPartial(
        INamedTypeSymbol type, string taskName, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                var identifier = declaration.Identifier.GetLocation();
                report(Diagnostic.Create(DiagnosticDescriptors.ClassNotPartial, identifier, type.Name, taskName));
            }
        }
    }

    private void CheckSupported()
    {
        var type = _task.Type;
        var location = type.Locations.Length > 0 ? type.Locations[0] : AttributeLocation(_task.Attribute);
        if (type.IsStatic)
        {
            Report(DiagnosticDescriptors.UnsupportedClass, location, type.Name, "it is static",
                "remove the 'static' modifier");
            return;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                var reason = SymbolEqualityComparer.Default.Equals(current, type)
                    ? "it is generic"
                    : $"it is inside the generic type '{current.Name}'";
                Report(DiagnosticDescriptors.UnsupportedClass, location, type.Name, reason,
                    "declare the task in a non-generic class");
                return;
            }
        }
    }

    private void CheckInputNames()
    {
        var seen = new Dictionary<string, InputDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in _task.Inputs)
        {
            if (input.InputAttribute is { } named && !IsPlaceholderName(input.Name))
            {
                var argument = TemplateLocation.FindArgument(named, "", 0, _cancellationToken);
                var nameLocation = argument?.GetLocation() ?? AttributeLocation(named);
                Report(DiagnosticDescriptors.InvalidInputName, nameLocation, input.Name, PlaceholderName(input.Name));
                continue;
            }

            if (!seen.TryGetValue(input.Name, out var first))
            {
                seen.Add(input.Name, input);
                continue;
            }

            var alias = input.InputAttribute is { } attribute
                ? TemplateLocation.FindArgument(attribute, "", 0, _cancellationToken)
                : null;
            // An input inherited from a referenced assembly has no source to point at: the class stands in.
            var location = alias?.GetLocation()
                ?? input.Property.Locations.FirstOrDefault(l => l.IsInSource)
                ?? _task.Type.Locations.FirstOrDefault(l => l.IsInSource)
                ?? AttributeLocation(_task.Attribute);
            Report(DiagnosticDescriptors.AmbiguousInputs, location, first.Name, input.Name, _task.Type.Name);
        }
    }

    private static bool IsPlaceholderName(string name)
    {
        if (name.Length == 0 || !TemplateParser.IsNameStart(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!TemplateParser.IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name a placeholder can spell: every other character becomes '_', and a leading digit gets one.</summary>
    private static string PlaceholderName(string name)
    {
        var text = new string(name.Select(c => TemplateParser.IsNameChar(c) ? c : '_').ToArray());
        return text.Length == 0 || !TemplateParser.IsNameStart(text[0]) ? "_" + text : text;
    }

    private void CheckMethod()
    {
        if (_task.Method is not null || !TryGetNamedArgument("Method", out var method))
        {
            return;
        }

        var expression = TemplateLocation.FindArgument(_task.Attribute, "Method", -1, _cancellationToken);
        var written = expression?.ToString() ?? method.Value?.ToString() ?? "null";
        Report(DiagnosticDescriptors.UnknownMethod, expression?.GetLocation() ?? AttributeLocation(_task.Attribute), written);
    }

    private void CheckUrl()
    {
        var argument = _task.Url;
        if (argument is null || argument.Text.Length == 0)
        {
            CheckMissingUrl();
            return;
        }

        var location = Locate(argument);
        var url = UrlTemplate.Parse(argument.Text);
        if (!ReportTemplateErrors(url.Template, "Url", new TemplateSpans(location)))
        {
            return;
        }

        // One structural error often causes the next (user information leaves text where a port is looked
        // for), so only the first is reported; the next shows once it is fixed.
        if (url.Errors.FirstOrDefault() is { } error)
        {
            Report(DiagnosticDescriptors.InvalidUrl, location.Locate(error.Start, error.Length), error.Message);
        }

        if (url.Fragment is { } fragment)
        {
            var text = argument.Text.Substring(fragment.Start, fragment.Length);
            Report(DiagnosticDescriptors.UrlFragment, location.Locate(fragment.Start, fragment.Length), text);
        }

        var positions = new Dictionary<PlaceholderPart, (Position Position, string Place)>();
        if (url.Errors.Count == 0)
        {
            AddUrlPositions(url, positions);
        }

        foreach (var placeholder in url.Template.Placeholders)
        {
            var (position, place) = positions.TryGetValue(placeholder, out var found) ? found : (Position.NameOnly, "");
            CheckPlaceholder(placeholder, new TemplateSpans(location), position, place);
        }

        if (url.Errors.Count == 0)
        {
            CheckSecretsInUrl(url, location);
        }
    }

    /// <summary>
    /// Secrets in the URL's query, which is logged wherever URLs are, and, with ShowUrl, anywhere in a URL that
    /// results show. A secret that is the whole URL is shown as its origin and '/***' only.
    /// </summary>
    private void CheckSecretsInUrl(UrlTemplate url, TemplateLocation location)
    {
        if (url.Whole is not null)
        {
            return;
        }

        var spans = new TemplateSpans(location);
        if (_task.ShowUrl)
        {
            ReportSecretsInUrl(url.Host, spans, "the URL that results show (ShowUrl = true)");
            ReportSecretsInUrl(url.Path, spans, "the URL that results show (ShowUrl = true)");
        }

        foreach (var parameter in url.Query)
        {
            ReportSecretsInUrl(parameter.Name, spans, "the URL's query");
            if (parameter.Value is { } value)
            {
                ReportSecretsInUrl(value, spans, "the URL's query");
            }
        }
    }

    private void ReportSecretsInUrl(IReadOnlyList<UrlPiece> pieces, TemplateSpans spans, string where)
    {
        foreach (var piece in pieces)
        {
            ReportSecretInUrl(piece.Placeholder, spans, where);
        }
    }

    private void ReportSecretInUrl(PlaceholderPart? placeholder, TemplateSpans spans, string where)
    {
        if (placeholder is { Scope: PlaceholderScope.Secrets } secret && _task.FindSecret(secret.Name) is not null)
        {
            Report(DiagnosticDescriptors.SecretInUrl, spans.Locate(secret.Start, secret.Length), "{" + secret.Display + "}", where);
        }
    }

    private void CheckMissingUrl()
    {
        _readAll = false;
        var expression = TemplateLocation.FindArgument(_task.Attribute, "Url", -1, _cancellationToken);
        var written = TryGetNamedArgument("Url", out _);

        // An argument the compiler could not bind is its error to report, not ours.
        if (_task.Attribute.AttributeConstructor is null || (expression is not null && !written))
        {
            return;
        }

        Report(DiagnosticDescriptors.MissingUrl, expression?.GetLocation() ?? AttributeLocation(_task.Attribute), _task.Name);
    }

    /// <summary>Where the planner puts each placeholder of a valid URL: whole URL, host, path or query.</summary>
    private static void AddUrlPositions(UrlTemplate url, Dictionary<PlaceholderPart, (Position, string)> positions)
    {
        if (url.Whole is { } whole)
        {
            positions[whole] = (Position.Text, "the URL");
            return;
        }

        AddPieces(url.Host, Position.Text, "the URL's host");
        AddPieces(url.Path, Position.Text, "a URL path segment");
        foreach (var parameter in url.Query)
        {
            var literalName = parameter.Name.All(p => p.Literal is not null);
            if (literalName && parameter.Value is { Count: 1 } value && value[0].Placeholder is { } single)
            {
                positions[single] = (Position.QueryValue, "a URL query parameter");
                continue;
            }

            AddPieces(parameter.Name, Position.Text, "a URL query");
            AddPieces(parameter.Value ?? Array.Empty<UrlPiece>(), Position.Text, "a URL query");
        }

        void AddPieces(IEnumerable<UrlPiece> pieces, Position position, string place)
        {
            foreach (var piece in pieces)
            {
                if (piece.Placeholder is { } placeholder)
                {
                    positions[placeholder] = (position, place);
                }
            }
        }
    }

    private void CheckHeaders()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in _task.Headers)
        {
            CheckHeaderName(header, seen);

            var location = Locate(header.Value);
            var template = TemplateParser.Parse(header.Value.Text);
            if (template.IsValid || ReportTemplateErrors(template, $"header '{header.Name}'", new TemplateSpans(location)))
            {
                CheckHeaderLineBreak(header, template, location);
                string? place = null;
                foreach (var placeholder in template.Placeholders)
                {
                    place ??= $"the header '{header.Name}'";
                    CheckPlaceholder(placeholder, new TemplateSpans(location), Position.Text, place);
                }
            }
        }
    }

    private void CheckHeaderName(HeaderDeclaration header, Dictionary<string, string> seen)
    {
        // A name written as a template is one mistake, reported on its placeholder rather than as a bad token.
        // (Without a '{' it has no placeholder to find.)
        var asTemplate = header.Name.IndexOf('{') >= 0 ? TemplateParser.Parse(header.Name) : null;
        if (asTemplate is { IsValid: true } && asTemplate.Placeholders.FirstOrDefault() is { } placeholder)
        {
            var argument = new TemplateArgument(header.Name, header.Attribute, "", 0);
            var placeholderLocation = Locate(argument).Locate(placeholder.Start, placeholder.Length);
            Report(DiagnosticDescriptors.PlaceholderInHeaderName, placeholderLocation, header.Name,
                "{" + placeholder.Display + "}");
            return;
        }

        if (!HttpToken.IsValidHeaderName(header.Name))
        {
            Report(DiagnosticDescriptors.InvalidHeaderName, NameLocation(), header.Name);
            return;
        }

        if (seen.TryGetValue(header.Name, out var first))
        {
            Report(DiagnosticDescriptors.DuplicateHeader, NameLocation(), header.Name, first);
        }
        else
        {
            seen.Add(header.Name, header.Name);
        }

        if (TransportHeaders.Contains(header.Name))
        {
            Report(DiagnosticDescriptors.TransportHeader, NameLocation(), header.Name);
        }

        Location NameLocation() =>
            TemplateLocation.FindArgument(header.Attribute, "", 0, _cancellationToken)?.GetLocation()
            ?? AttributeLocation(header.Attribute);
    }

    /// <summary>A CR, LF or NUL written in the template's literal text, which the client refuses on every call.</summary>
    private void CheckHeaderLineBreak(HeaderDeclaration header, Template template, TemplateLocation location)
    {
        foreach (var part in template.Parts)
        {
            if (part is not LiteralPart literal)
            {
                continue;
            }

            var index = literal.Text.IndexOfAny(LineBreaks);
            if (index < 0)
            {
                continue;
            }

            var what = literal.Text[index] switch
            {
                '\r' => "a carriage return (CR)",
                '\n' => "a line feed (LF)",
                _ => "a NUL character",
            };

            // Literal text has no escapes of its own but '{{' and '}}', which come before a line break only
            // as whole pairs: map the position back through them.
            var start = SourceIndex(literal, index);
            Report(DiagnosticDescriptors.HeaderValueLineBreak, location.Locate(start, 1), header.Name, what);
            return;
        }
    }

    /// <summary>The template index of the character at <paramref name="index"/> of a literal part's text.</summary>
    private static int SourceIndex(LiteralPart literal, int index)
    {
        var braces = 0;
        for (var i = 0; i < index; i++)
        {
            if (literal.Text[i] is '{' or '}')
            {
                braces++;
            }
        }

        return literal.Start + index + braces;
    }

    private void CheckData()
    {
        if (_task.Data is not { } argument)
        {
            return;
        }

        var location = Locate(argument);
        var json = JsonTemplate.Parse(argument.Text);
        if (json.Root is not { } root)
        {
            _readAll = false;
            if (json.Error is { } error)
            {
                Report(DiagnosticDescriptors.InvalidData, location.Locate(error.Start, error.Length), error.Message);
            }

            return;
        }

        foreach (var text in json.Strings())
        {
            ReportTemplateErrors(text.Template, "Data", new TemplateSpans(location, text));
        }

        if (_task.Method is null)
        {
            CheckJson(root, location, Position.NameOnly, Position.NameOnly);
        }
        else if (_task.SendsBody)
        {
            CheckJson(root, location, Position.Text, Position.JsonValue);
        }
        else
        {
            CheckQuery(root, location);
        }
    }

    /// <summary>
    /// A JSON body: keys are text and whole-string placeholders become their own JSON. With
    /// <see cref="Position.NameOnly"/> for both, only the names are checked (for Data that is not sent as a body).
    /// </summary>
    private void CheckJson(JsonNode node, TemplateLocation location, Position key, Position value)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                foreach (var member in obj.Members)
                {
                    CheckString(member.Key, location, key, key == Position.NameOnly ? "" : "a Data member name");
                    CheckJson(member.Value, location, key, value);
                }

                break;
            case JsonArrayNode array:
                foreach (var item in array.Items)
                {
                    CheckJson(item, location, key, value);
                }

                break;
            case JsonStringNode text:
                CheckString(text, location, value, value == Position.NameOnly ? "" : "a Data string");
                break;
        }
    }

    /// <summary>GET and DELETE: each top-level member is a query parameter, an array repeats its key.</summary>
    private void CheckQuery(JsonObjectNode root, TemplateLocation location)
    {
        foreach (var member in root.Members)
        {
            CheckString(member.Key, location, Position.Text, "a Data member name");
            CheckSecretsInQueryData(member.Key, location);
            if (member.Value is JsonArrayNode array)
            {
                foreach (var item in array.Items)
                {
                    CheckQueryValue(member.Key.Value, item, location);
                }
            }
            else
            {
                CheckQueryValue(member.Key.Value, member.Value, location);
            }
        }
    }

    private void CheckQueryValue(string memberName, JsonNode node, TemplateLocation location)
    {
        switch (node)
        {
            case JsonStringNode text:
                CheckString(text, location, Position.QueryValue, "a Data query parameter");
                CheckSecretsInQueryData(text, location);
                break;
            case JsonObjectNode or JsonArrayNode:
                var kind = node is JsonObjectNode ? "object" : "array";
                var nested = location.Locate(node.Start, node.Length);
                Report(DiagnosticDescriptors.NestedQueryData, nested, memberName, kind, _task.Method ?? "GET");
                CheckJson(node, location, Position.NameOnly, Position.NameOnly);
                break;
        }
    }

    /// <summary>GET and DELETE send Data as the URL's query, so a secret there is a secret in the URL.</summary>
    private void CheckSecretsInQueryData(JsonStringNode text, TemplateLocation location)
    {
        if (!text.Template.IsValid)
        {
            return;
        }

        var locate = new TemplateSpans(location, text);
        foreach (var placeholder in text.Template.Placeholders)
        {
            ReportSecretInUrl(placeholder, locate, $"the URL's query (Data of a {_task.Method} request)");
        }
    }

    /// <summary>
    /// Checks the placeholders of a JSON string. Only a placeholder that is the whole string takes
    /// <paramref name="whole"/>; inside longer text, a value is always formatted as text.
    /// </summary>
    private void CheckString(JsonStringNode text, TemplateLocation location, Position whole, string place)
    {
        if (!text.Template.IsValid)
        {
            return;
        }

        var locate = new TemplateSpans(location, text);
        var single = text.Template.WholePlaceholder;
        foreach (var placeholder in text.Template.Placeholders)
        {
            var position = whole == Position.NameOnly || placeholder == single ? whole : Position.Text;
            CheckPlaceholder(placeholder, locate, position, place);
        }
    }

    /// <summary>Reports every grammar error of a template; returns whether it had none.</summary>
    private bool ReportTemplateErrors(Template template, string templateName, TemplateSpans spans)
    {
        _readAll &= template.IsValid;
        foreach (var error in template.Errors)
        {
            var location = spans.Locate(error.Start, error.Length);
            Report(DiagnosticDescriptors.MalformedTemplate, location, templateName, error.Message);
        }

        return template.IsValid;
    }

    private void CheckPlaceholder(
        PlaceholderPart placeholder, TemplateSpans spans, Position position, string place)
    {
        // Where it is and how it reads are worked out only for a diagnostic: most placeholders have none.
        (placeholder.Scope == PlaceholderScope.Inputs ? _usedInputs : _usedSecrets).Add(placeholder.Name);
        var shape = Resolve(placeholder, spans);
        if (shape is null)
        {
            return;
        }

        if (Unsupported(shape) is { } reason)
        {
            Report(DiagnosticDescriptors.UnsupportedInputType, spans.Locate(placeholder.Start, placeholder.Length),
                $"'{Display(placeholder)}'", shape.Type.ToDisplayString(TypeFormat), reason);
            return;
        }

        if (placeholder.Format is { } format)
        {
            if (!shape.IsFormattable)
            {
                var type = shape.Type.ToDisplayString(TypeFormat);
                Report(DiagnosticDescriptors.FormatNotSupported, spans.Locate(placeholder.Start, placeholder.Length),
                    Display(placeholder), format, type);
            }

            return;
        }

        var refused = position switch
        {
            Position.Text => shape.Kind == ValueKind.Collection,
            Position.QueryValue => shape.Kind == ValueKind.Collection && shape.Element is not { IsScalar: true },
            _ => false,
        };
        if (refused)
        {
            var where = position == Position.QueryValue ? place + ", whose items must be single values" : place;
            var type = shape.Type.ToDisplayString(TypeFormat);
            Report(DiagnosticDescriptors.CollectionInText, spans.Locate(placeholder.Start, placeholder.Length),
                Display(placeholder), type, where);
        }
    }

    /// <summary>A placeholder as messages quote it, braces included.</summary>
    private static string Display(PlaceholderPart placeholder) => "{" + placeholder.Display + "}";

    /// <summary>
    /// Why a value can be neither formatted as text nor written as JSON, or <see langword="null"/> when it can.
    /// Pointers are reported on their input, since the generated InvokeAsync cannot even take one.
    /// </summary>
    private string? Unsupported(ValueShape shape)
    {
        var type = shape.Type;
        if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return null;
        }

        if (type.IsRefLikeType)
        {
            return "is a ref struct, which cannot be formatted or written as JSON";
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return "is a delegate, which has no text or JSON form";
        }

        if (IsReflectionType(type))
        {
            return "is a reflection type, which System.Text.Json refuses to write";
        }

        return shape.Element is { } element ? Unsupported(element) : null;
    }

    private bool IsReflectionType(ITypeSymbol type)
    {
        // No value type and no special type (string, object, ...) is or derives from MemberInfo.
        if (type.IsValueType || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        if (!_memberInfoLooked)
        {
            _memberInfo = _compilation.GetTypeByMetadataName("System.Reflection.MemberInfo");
            _memberInfoLooked = true;
        }

        var memberInfo = _memberInfo;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, memberInfo))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shape of a placeholder's value, or <see langword="null"/> (reported) when it names nothing.
    /// </summary>
    private ValueShape? Resolve(PlaceholderPart placeholder, TemplateSpans spans)
    {
        if (placeholder.Scope == PlaceholderScope.Secrets)
        {
            if (_task.FindSecret(placeholder.Name) is null)
            {
                // The declared secret this one misspells would otherwise be reported as unused too.
                _readAll = false;
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.SecretName, placeholder.Name);
                var location = spans.Locate(placeholder.Start, placeholder.Length);
                _report(Diagnostic.Create(
                    DiagnosticDescriptors.UndeclaredSecret, location, properties, Display(placeholder), _task.Type.Name, placeholder.Name));
            }

            return null;
        }

        if (_task.FindInput(placeholder.Name) is not { } input)
        {
            ReportUnknownInput(
                placeholder,
                Display(placeholder),
                spans.Locate(placeholder.Start, placeholder.Length),
                spans.Locate(placeholder.NameStart, placeholder.Name.Length));
            return null;
        }

        ITypeSymbol type = input.Property.Type;
        foreach (var member in placeholder.Members)
        {
            if (ValueShape.FindProperty(type, member) is not { } property)
            {
                var owner = type.ToDisplayString(TypeFormat);
                var location = spans.Locate(placeholder.Start, placeholder.Length);
                Report(DiagnosticDescriptors.UnknownMember, location, owner, member, Display(placeholder));
                return null;
            }

            type = property.Type;
        }

        return ValueShape.Of(type, _compilation);
    }

    /// <summary>
    /// Reports a placeholder naming no input, with what the code fixes need: the name as written, the likely
    /// meant input and its property, and, as the additional location, the characters of the name in the source.
    /// </summary>
    private void ReportUnknownInput(PlaceholderPart placeholder, string display, Location location, Location name)
    {
        _readAll = false;
        var suggestion = InputSuggestion.Find(placeholder.Name, _task.Inputs);
        var hint = suggestion is null
            ? $"add a public settable property named '{placeholder.Name}' or an [Input(\"{placeholder.Name}\")] alias, "
              + "or correct the name"
            : $"did you mean '{{inputs.{suggestion}}}'?";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.InputName, placeholder.Name);
        if (suggestion is not null)
        {
            properties = properties.Add(DiagnosticProperties.Suggestion, suggestion);
        }

        // Only a span strictly inside the literal is the name itself; otherwise it is the whole argument.
        var additional = name != location ? new[] { name } : Array.Empty<Location>();

        // Whether an alias may rename the meant input is known once every template is read: not if one uses it.
        _unknownInputs.Add(() =>
        {
            if (suggestion is not null
                && !_usedInputs.Contains(suggestion)
                && _task.FindInput(suggestion) is { InputAttribute: null } meant
                && meant.Property.Locations.Any(l => l.IsInSource))
            {
                properties = properties.Add(DiagnosticProperties.SuggestedProperty, meant.Property.Name);
            }

            _report(Diagnostic.Create(
                DiagnosticDescriptors.UnknownInput, location, additional, properties, display, _task.Type.Name, hint));
        });
    }

    /// <summary>Inputs declared on the task class itself and declared secrets that no template uses.</summary>
    private void CheckUnused()
    {
        foreach (var report in _unknownInputs)
        {
            report();
        }

        if (!_readAll)
        {
            return;
        }

        foreach (var input in _task.Inputs)
        {
            // An input inherited from a base class may be there for other tasks.
            // An input no placeholder can spell is reported as such (WHT0028), not as unused.
            if (!_usedInputs.Contains(input.Name)
                && IsPlaceholderName(input.Name)
                && SymbolEqualityComparer.Default.Equals(input.Property.ContainingType, _task.Type)
                && input.Property.Locations.FirstOrDefault(l => l.IsInSource) is { } location)
            {
                var placeholder = "{" + TemplateParser.InputsScope + "." + input.Name + "}";
                Report(DiagnosticDescriptors.UnusedInput, location, input.Name, _task.Type.Name, placeholder);
            }
        }

        foreach (var secret in _task.Secrets)
        {
            if (!_usedSecrets.Contains(secret.Name))
            {
                var name = TemplateLocation.FindArgument(secret.Attribute, "", 0, _cancellationToken);
                var placeholder = "{" + TemplateParser.SecretsScope + "." + secret.Name + "}";
                var location = name?.GetLocation() ?? AttributeLocation(secret.Attribute);
                Report(DiagnosticDescriptors.UnusedSecret, location, secret.Name, _task.Type.Name, placeholder);
            }
        }
    }

    private bool TryGetNamedArgument(string name, out TypedConstant value)
    {
        foreach (var argument in _task.Attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error)
            {
                value = argument.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private TemplateLocation Locate(TemplateArgument argument) => TemplateLocation.Of(argument, _task.Type, _cancellationToken);

    private Location AttributeLocation(AttributeData attribute) =>
        TemplateLocation.AttributeLocation(attribute, _task.Type, _cancellationToken);

    private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        _report(Diagnostic.Create(descriptor, location, arguments));
}
