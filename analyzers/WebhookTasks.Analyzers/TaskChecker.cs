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

    private readonly TaskDeclaration _task;
    private readonly Compilation _compilation;
    private readonly Action<Diagnostic> _report;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _usedInputs = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _usedSecrets = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether every template was read and every placeholder named something, so that an input or secret
    /// no placeholder uses is really unused rather than misspelt.
    /// </summary>
    private bool _readAll = true;

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

    /// <summary>Reports every problem of the task that <paramref name="attribute"/> declares on <paramref name="type"/>.</summary>
    public static void Check(
        INamedTypeSymbol type,
        AttributeData attribute,
        Compilation compilation,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        // [WebhookTask] applies to classes only; on anything else the compiler reports the misuse.
        if (type.TypeKind != TypeKind.Class)
        {
            return;
        }

        var checker = new TaskChecker(TaskDeclaration.Read(type, attribute), compilation, report, cancellationToken);
        checker.CheckPartial();
        checker.CheckSupported();
        checker.CheckInputNames();
        checker.CheckMethod();
        checker.CheckUrl();
        checker.CheckHeaders();
        checker.CheckData();
        checker.CheckUnused();
    }

    private void CheckPartial()
    {
        for (var current = _task.Type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    var identifier = declaration.Identifier.GetLocation();
                    Report(DiagnosticDescriptors.ClassNotPartial, identifier, current.Name, _task.Name);
                }
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
        if (!ReportTemplateErrors(url.Template, "Url", location.Locate))
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
            CheckPlaceholder(placeholder, location.Locate, position, place);
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
        foreach (var header in _task.Headers)
        {
            if (!HttpToken.IsValidHeaderName(header.Name))
            {
                var name = TemplateLocation.FindArgument(header.Attribute, "", 0, _cancellationToken);
                var nameLocation = name?.GetLocation() ?? AttributeLocation(header.Attribute);
                Report(DiagnosticDescriptors.InvalidHeaderName, nameLocation, header.Name);
            }

            var location = Locate(header.Value);
            var template = TemplateParser.Parse(header.Value.Text);
            if (ReportTemplateErrors(template, $"header '{header.Name}'", location.Locate))
            {
                foreach (var placeholder in template.Placeholders)
                {
                    CheckPlaceholder(placeholder, location.Locate, Position.Text, $"the header '{header.Name}'");
                }
            }
        }
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
            ReportTemplateErrors(text.Template, "Data", DataLocator(location, text));
        }

        if (_task.Method is null)
        {
            NamesOnly(root, location);
        }
        else if (_task.SendsBody)
        {
            CheckBody(root, location);
        }
        else
        {
            CheckQuery(root, location);
        }
    }

    /// <summary>A JSON body: whole-string placeholders become their own JSON; any other is text.</summary>
    private void CheckBody(JsonNode node, TemplateLocation location)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                foreach (var member in obj.Members)
                {
                    CheckString(member.Key, location, Position.Text, "a Data member name");
                    CheckBody(member.Value, location);
                }

                break;
            case JsonArrayNode array:
                foreach (var item in array.Items)
                {
                    CheckBody(item, location);
                }

                break;
            case JsonStringNode text:
                CheckString(text, location, Position.JsonValue, "a Data string");
                break;
        }
    }

    /// <summary>GET and DELETE: each top-level member is a query parameter, an array repeats its key.</summary>
    private void CheckQuery(JsonObjectNode root, TemplateLocation location)
    {
        foreach (var member in root.Members)
        {
            CheckString(member.Key, location, Position.Text, "a Data member name");
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
                break;
            case JsonObjectNode or JsonArrayNode:
                var kind = node is JsonObjectNode ? "object" : "array";
                var nested = location.Locate(node.Start, node.Length);
                Report(DiagnosticDescriptors.NestedQueryData, nested, memberName, kind, _task.Method ?? "GET");
                NamesOnly(node, location);
                break;
        }
    }

    private void NamesOnly(JsonNode node, TemplateLocation location)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                foreach (var member in obj.Members)
                {
                    CheckString(member.Key, location, Position.NameOnly, "");
                    NamesOnly(member.Value, location);
                }

                break;
            case JsonArrayNode array:
                foreach (var item in array.Items)
                {
                    NamesOnly(item, location);
                }

                break;
            case JsonStringNode text:
                CheckString(text, location, Position.NameOnly, "");
                break;
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

        var locate = DataLocator(location, text);
        var single = text.Template.WholePlaceholder;
        foreach (var placeholder in text.Template.Placeholders)
        {
            var position = whole == Position.NameOnly || placeholder == single ? whole : Position.Text;
            CheckPlaceholder(placeholder, locate, position, place);
        }
    }

    /// <summary>Locates a span of a JSON string's decoded value: first in the Data text, then in the source.</summary>
    private static Func<int, int, Location> DataLocator(TemplateLocation location, JsonStringNode text) =>
        (start, length) =>
        {
            var (dataStart, dataLength) = text.MapSpan(start, length);
            return location.Locate(dataStart, dataLength);
        };

    /// <summary>Reports every grammar error of a template; returns whether it had none.</summary>
    private bool ReportTemplateErrors(Template template, string templateName, Func<int, int, Location> locate)
    {
        _readAll &= template.IsValid;
        foreach (var error in template.Errors)
        {
            var location = locate(error.Start, error.Length);
            Report(DiagnosticDescriptors.MalformedTemplate, location, templateName, error.Message);
        }

        return template.IsValid;
    }

    private void CheckPlaceholder(
        PlaceholderPart placeholder, Func<int, int, Location> locate, Position position, string place)
    {
        (placeholder.Scope == PlaceholderScope.Inputs ? _usedInputs : _usedSecrets).Add(placeholder.Name);
        var location = locate(placeholder.Start, placeholder.Length);
        var display = "{" + placeholder.Display + "}";
        var shape = Resolve(placeholder, display, location);
        if (shape is null)
        {
            return;
        }

        if (placeholder.Format is { } format)
        {
            if (!shape.IsFormattable)
            {
                var type = shape.Type.ToDisplayString(TypeFormat);
                Report(DiagnosticDescriptors.FormatNotSupported, location, display, format, type);
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
            Report(DiagnosticDescriptors.CollectionInText, location, display, type, where);
        }
    }

    /// <summary>The shape of a placeholder's value, or <see langword="null"/> (reported) when it names nothing.
    /// </summary>
    private ValueShape? Resolve(PlaceholderPart placeholder, string display, Location location)
    {
        if (placeholder.Scope == PlaceholderScope.Secrets)
        {
            if (_task.FindSecret(placeholder.Name) is null)
            {
                // The declared secret this one misspells would otherwise be reported as unused too.
                _readAll = false;
                Report(DiagnosticDescriptors.UndeclaredSecret, location, display, _task.Type.Name, placeholder.Name);
            }

            return null;
        }

        if (_task.FindInput(placeholder.Name) is not { } input)
        {
            ReportUnknownInput(placeholder, display, location);
            return null;
        }

        ITypeSymbol type = input.Property.Type;
        foreach (var member in placeholder.Members)
        {
            if (ValueShape.FindProperty(type, member) is not { } property)
            {
                var owner = type.ToDisplayString(TypeFormat);
                Report(DiagnosticDescriptors.UnknownMember, location, owner, member, display);
                return null;
            }

            type = property.Type;
        }

        return ValueShape.Of(type, _compilation);
    }

    private void ReportUnknownInput(PlaceholderPart placeholder, string display, Location location)
    {
        _readAll = false;
        var suggestion = InputSuggestion.Find(placeholder.Name, _task.Inputs);
        var hint = suggestion is null
            ? $"add a public settable property named '{placeholder.Name}' or an [Input(\"{placeholder.Name}\")] alias, "
              + "or correct the name"
            : $"did you mean '{{inputs.{suggestion}}}'?";
        var properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.SuggestionProperty, suggestion);
        var diagnostic = Diagnostic.Create(
            DiagnosticDescriptors.UnknownInput, location, properties, display, _task.Type.Name, hint);
        _report(diagnostic);
    }

    /// <summary>Inputs declared on the task class itself and declared secrets that no template uses.</summary>
    private void CheckUnused()
    {
        if (!_readAll)
        {
            return;
        }

        foreach (var input in _task.Inputs)
        {
            // An input inherited from a base class may be there for other tasks.
            if (!_usedInputs.Contains(input.Name)
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

    private TemplateLocation Locate(TemplateArgument argument) =>
        TemplateLocation.Of(argument, AttributeLocation(argument.Attribute), _cancellationToken);

    private Location AttributeLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation()
        ?? (_task.Type.Locations.Length > 0 ? _task.Type.Locations[0] : Location.None);

    private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        _report(Diagnostic.Create(descriptor, location, arguments));
}
