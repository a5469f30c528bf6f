using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookTasks.Generator.Model;
using WebhookTasks.Symbols;
using WebhookTasks.Templates;

namespace WebhookTasks.Generator.Parsing;

/// <summary>
/// Turns a task declaration into the statements of its <c>Render</c> method. Each placeholder's place
/// in the templates decides the call that encodes it; each input's type decides how it is formatted.
/// Gives up (returns <see langword="null"/>) on any error, which the analyzers report. Works on values
/// only (<see cref="DeclaredTask"/>), never on symbols, so that it runs only when a declaration changes.
/// </summary>
internal sealed class RenderPlanner
{
    private const string Builder = "__builder";
    private const string Json = "__json";
    private const string Text = "global::WebhookTasks.Rendering.WebhookText";

    private readonly DeclaredTask _task;
    private readonly List<string> _lines = new();
    private readonly List<string> _helpers = new();
    private readonly Dictionary<string, string> _enumHelpers = new();
    private readonly Dictionary<string, string> _secretLocals = new();
    private int _depth = 2;
    private int _temporaries;
    private bool _failed;

    private RenderPlanner(DeclaredTask task)
    {
        _task = task;
    }

    public static (RenderSpec? Render, EquatableArray<string> Helpers) Plan(DeclaredTask task)
    {
        var planner = new RenderPlanner(task);
        planner.Run();
        return planner._failed
            ? (null, EquatableArray<string>.Empty)
            : (new RenderSpec(planner._lines.ToEquatableArray(), task.SendsBody), planner._helpers.ToEquatableArray());
    }

    private void Run()
    {
        if (_task.Url is null || _task.Method is null)
        {
            _failed = true;
            return;
        }

        var url = UrlTemplate.Parse(_task.Url);
        var data = _task.Data is null ? null : JsonTemplate.Parse(_task.Data);
        var headers = _task.Headers.Select(h => (h.Name, Template: TemplateParser.Parse(h.Value))).ToList();
        if (!url.IsValid
            || (data is not null && (data.Root is null || data.Strings().Any(s => !s.Template.IsValid)))
            || headers.Any(h => !h.Template.IsValid || !HttpToken.IsValidHeaderName(h.Name)))
        {
            _failed = true;
            return;
        }

        DeclareSecrets(url.Template, data, headers.Select(h => h.Template));
        PlanUrl(url);
        foreach (var (name, template) in headers)
        {
            PlanHeader(name, template);
        }

        if (data?.Root is { } root)
        {
            if (_task.SendsBody || _task.ShowData)
            {
                Line($"var {Json} = {Builder}.Json();");
                WriteNode(root);
            }

            if (!_task.SendsBody)
            {
                PlanDataQuery(root);
            }
        }
    }

    private void DeclareSecrets(Template url, JsonTemplate? data, IEnumerable<Template> headers)
    {
        var templates = new List<Template> { url };
        templates.AddRange(headers);
        if (data is not null)
        {
            templates.AddRange(data.Strings().Select(s => s.Template));
        }

        foreach (var placeholder in templates.SelectMany(t => t.Placeholders).Where(p => p.Scope == PlaceholderScope.Secrets))
        {
            if (_secretLocals.ContainsKey(placeholder.Name))
            {
                continue;
            }

            if (!_task.HasSecret(placeholder.Name))
            {
                _failed = true;
                return;
            }

            var local = "__secret" + _secretLocals.Count;
            _secretLocals.Add(placeholder.Name, local);
            Line($"var {local} = {Builder}.Secret({Literal(placeholder.Name)});");
        }
    }

    private void PlanUrl(UrlTemplate url)
    {
        if (url.Whole is { Scope: PlaceholderScope.Secrets } secret && _secretLocals.TryGetValue(secret.Name, out var secretLocal))
        {
            Line($"{Builder}.SecretUrl({secretLocal}, {Literal(secret.Name)});");
        }
        else if (url.Whole is { } whole)
        {
            var value = Resolve(whole);
            if (value is not null)
            {
                Line($"{Builder}.AbsoluteUrl({TextOf(value, whole.Format)}, {Literal(value.Label)});");
            }
        }
        else
        {
            if (url.HasLiteralHost)
            {
                Line($"{Builder}.Origin({Literal(url.Scheme)}, {Literal(url.Host[0].Literal! + url.Port)});");
            }
            else
            {
                var (host, labels) = Concat(url.Host.Select(ToTemplatePiece));
                Line($"{Builder}.OriginWithHost({Literal(url.Scheme)}, {host}, {Literal(url.Port)}, {Literal(labels)});");
            }

            foreach (var piece in url.Path)
            {
                if (piece.Literal is { } literal)
                {
                    Line($"{Builder}.Path({Literal(literal)});");
                }
                else if (Resolve(piece.Placeholder!) is { } value)
                {
                    Line($"{Builder}.PathValue({TextOf(value, piece.Placeholder!.Format)}, {Literal(value.Label)});");
                }
            }

            foreach (var parameter in url.Query)
            {
                PlanUrlQuery(parameter);
            }
        }

        Line($"{Builder}.EndTemplateUrl();");
    }

    private void PlanUrlQuery(UrlQueryParameter parameter)
    {
        var literalName = parameter.Name.All(p => p.Literal is not null);
        if (literalName && parameter.Value is { Count: 1 } value && value[0].Placeholder is { } placeholder)
        {
            var name = string.Concat(parameter.Name.Select(p => p.Literal));
            if (Resolve(placeholder) is { } resolved)
            {
                QueryParameter(Literal(name), resolved, placeholder.Format);
            }

            return;
        }

        Line($"{Builder}.QueryStart();");
        QueryPieces(parameter.Name);
        if (parameter.Value is not null)
        {
            Line($"{Builder}.QueryLiteral(\"=\");");
            QueryPieces(parameter.Value);
        }
    }

    private void QueryPieces(IReadOnlyList<UrlPiece> pieces)
    {
        foreach (var piece in pieces)
        {
            if (piece.Literal is { } literal)
            {
                Line($"{Builder}.QueryLiteral({Literal(literal)});");
            }
            else if (Resolve(piece.Placeholder!) is { } value)
            {
                Line($"{Builder}.QueryValue({TextOf(value, piece.Placeholder!.Format)});");
            }
        }
    }

    /// <summary>A query parameter whose value is one placeholder: left out when null, repeated for a collection.</summary>
    private void QueryParameter(string nameExpression, Resolved value, string? format)
    {
        if (value.Shape.Kind == ValueKind.Collection && format is null)
        {
            if (value.Shape.Element is not { IsScalar: true } element)
            {
                _failed = true;
                return;
            }

            var collection = Temporary("__values");
            var item = Temporary("__value");
            Line($"if ({value.Expression} is {{ }} {collection})");
            Open();
            Line($"foreach (var {item} in {collection})");
            Open();
            Line($"{Builder}.QueryParameter({nameExpression}, {TextOf(new Resolved(item, element, value.Label), null)});");
            Close();
            Close();
            return;
        }

        Line($"{Builder}.QueryParameter({nameExpression}, {TextOf(value, format)});");
    }

    private void PlanHeader(string name, Template template)
    {
        var (value, labels) = template.WholePlaceholder is { } whole && Resolve(whole) is { } resolved
            ? (TextOf(resolved, whole.Format), resolved.Label)
            : Concat(template.Parts.Select(ToTemplatePiece));
        Line($"{Builder}.Header({Literal(name)}, {value}, {Literal(labels)});");
    }

    private void PlanDataQuery(JsonObjectNode root)
    {
        foreach (var member in root.Members)
        {
            var name = member.Key.Template.Placeholders.Any()
                ? $"global::WebhookTasks.Rendering.UrlEncoding.Encode({TextExpression(member.Key.Template)})"
                : Literal(UrlText.EncodeComponent(LiteralText(member.Key.Template)));
            switch (member.Value)
            {
                case JsonArrayNode array:
                    foreach (var item in array.Items)
                    {
                        QueryScalar(name, item);
                    }

                    break;
                default:
                    QueryScalar(name, member.Value);
                    break;
            }
        }
    }

    private void QueryScalar(string name, JsonNode node)
    {
        switch (node)
        {
            case JsonLiteralNode { Kind: JsonLiteralKind.Null }:
                return;
            case JsonLiteralNode literal:
                Line($"{Builder}.QueryParameter({name}, {Literal(literal.Raw)});");
                return;
            case JsonStringNode text when text.Template.WholePlaceholder is { } whole:
                if (Resolve(whole) is { } value)
                {
                    QueryParameter(name, value, whole.Format);
                }

                return;
            case JsonStringNode text:
                Line($"{Builder}.QueryParameter({name}, {TextExpression(text.Template)});");
                return;
            default:
                // A nested object or array cannot be a query parameter (WHT diagnostics say so).
                _failed = true;
                return;
        }
    }

    private void WriteNode(JsonNode node)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                Line($"{Json}.WriteStartObject();");
                foreach (var member in obj.Members)
                {
                    var key = member.Key.Template.Placeholders.Any()
                        ? TextExpression(member.Key.Template)
                        : Literal(LiteralText(member.Key.Template));
                    Line($"{Json}.WritePropertyName({key});");
                    WriteNode(member.Value);
                }

                Line($"{Json}.WriteEndObject();");
                break;
            case JsonArrayNode array:
                Line($"{Json}.WriteStartArray();");
                foreach (var item in array.Items)
                {
                    WriteNode(item);
                }

                Line($"{Json}.WriteEndArray();");
                break;
            case JsonLiteralNode { Kind: JsonLiteralKind.Number } number:
                Line($"{Json}.WriteRawValue({Literal(number.Raw)}, skipInputValidation: true);");
                break;
            case JsonLiteralNode { Kind: JsonLiteralKind.True }:
                Line($"{Json}.WriteBooleanValue(true);");
                break;
            case JsonLiteralNode { Kind: JsonLiteralKind.False }:
                Line($"{Json}.WriteBooleanValue(false);");
                break;
            case JsonLiteralNode:
                Line($"{Json}.WriteNullValue();");
                break;
            case JsonStringNode text when text.Template.WholePlaceholder is { } whole:
                if (Resolve(whole) is { } value)
                {
                    WriteValue(value, whole.Format);
                }

                break;
            case JsonStringNode text:
                Line($"{Json}.WriteStringValue({TextExpression(text.Template)});");
                break;
        }
    }

    /// <summary>Writes a whole-value placeholder as its own JSON: a number, a Boolean, a string, an array or an object.</summary>
    private void WriteValue(Resolved value, string? format)
    {
        var shape = value.Shape;
        if (format is not null)
        {
            Line($"{Json}.WriteStringValue({TextOf(value, format)});");
            return;
        }

        switch (shape.Kind)
        {
            case ValueKind.Bool:
            case ValueKind.Number:
                var write = shape.Kind == ValueKind.Bool ? "WriteBooleanValue" : "WriteNumberValue";
                if (shape.IsNullable)
                {
                    var scalar = Temporary("__scalar");
                    Line($"if ({value.Expression} is {{ }} {scalar}) {Json}.{write}({scalar}); else {Json}.WriteNullValue();");
                }
                else
                {
                    Line($"{Json}.{write}({value.Expression});");
                }

                return;
            case ValueKind.Collection when shape.Element is { IsScalar: true } element:
                var collection = Temporary("__items");
                var item = Temporary("__item");
                Line($"if ({value.Expression} is {{ }} {collection})");
                Open();
                Line($"{Json}.WriteStartArray();");
                Line($"foreach (var {item} in {collection})");
                Open();
                WriteValue(new Resolved(item, element, value.Label), null);
                Close();
                Line($"{Json}.WriteEndArray();");
                Close();
                Line("else");
                Open();
                Line($"{Json}.WriteNullValue();");
                Close();
                return;
            case ValueKind.Collection:
            case ValueKind.Object:
                Line($"{Builder}.JsonObject({value.Expression});");
                return;
            default:
                Line($"{Json}.WriteStringValue({TextOf(value, null)});");
                return;
        }
    }

    /// <summary>An expression of type <c>string?</c>: the value formatted as text.</summary>
    private string TextOf(Resolved value, string? format)
    {
        var shape = value.Shape;
        if (format is not null)
        {
            if (!shape.IsFormattable)
            {
                _failed = true;
                return "null";
            }

            return $"{Text}.Format({value.Expression}, {Literal(format)})";
        }

        switch (shape.Kind)
        {
            case ValueKind.Collection:
                _failed = true;
                return "null";
            case ValueKind.Object:
                return $"{Text}.FormatObject({value.Expression})";
            case ValueKind.Enum when shape.EnumMembers.Any(m => m.Text != m.Name):
                return $"{EnumHelper(shape)}({value.Expression})";
            default:
                return $"{Text}.Format({value.Expression})";
        }
    }

    private string EnumHelper(ShapeSpec shape)
    {
        var type = shape.EnumTypeName!;
        if (_enumHelpers.TryGetValue(type, out var helper))
        {
            return helper;
        }

        helper = "__FormatEnum" + _enumHelpers.Count;
        _enumHelpers.Add(type, helper);
        var cases = string.Concat(shape.EnumMembers.Select(m => $"{type}.{Identifier(m.Name)} => {Literal(m.Text)}, "));
        _helpers.Add($"private static string {helper}({type} value) => value switch {{ {cases}_ => {Text}.Format(value.ToString())! }};");
        _helpers.Add($"private static string? {helper}({type}? value) => value is {{ }} v ? {helper}(v) : null;");
        return helper;
    }

    /// <summary>Joins literal text and formatted values; a null value inside longer text is empty.</summary>
    private (string Expression, string Labels) Concat(IEnumerable<(string? Literal, PlaceholderPart? Placeholder)> pieces)
    {
        var expressions = new List<string>();
        var labels = new List<string>();
        foreach (var (literal, placeholder) in pieces)
        {
            if (literal is not null)
            {
                expressions.Add(Literal(literal));
            }
            else if (Resolve(placeholder!) is { } value)
            {
                expressions.Add(TextOf(value, placeholder!.Format));
                if (!labels.Contains(value.Label))
                {
                    labels.Add(value.Label);
                }
            }
        }

        var expression = expressions.Count switch
        {
            0 => "\"\"",
            1 when expressions[0].StartsWith("\"", System.StringComparison.Ordinal) => expressions[0],
            1 => $"({expressions[0]} ?? \"\")",
            _ => $"global::System.String.Concat({string.Join(", ", expressions)})",
        };
        return (expression, string.Join(", ", labels));
    }

    /// <summary>A template rendered as one piece of text (a null value inside it is empty).</summary>
    private string TextExpression(Template template) => Concat(template.Parts.Select(ToTemplatePiece)).Expression;

    /// <summary>The text of a template without placeholders, with <c>{{</c> and <c>}}</c> read as single braces.</summary>
    private static string LiteralText(Template template) => string.Concat(template.Parts.OfType<LiteralPart>().Select(p => p.Text));

    private static (string? Literal, PlaceholderPart? Placeholder) ToTemplatePiece(UrlPiece piece) => (piece.Literal, piece.Placeholder);

    private static (string? Literal, PlaceholderPart? Placeholder) ToTemplatePiece(TemplatePart part) =>
        part is LiteralPart literal ? (literal.Text, null) : (null, (PlaceholderPart)part);

    /// <summary>
    /// Resolves a placeholder to an expression and the shape of its value; a member path was resolved
    /// when the declaration was read (<see cref="DeclaredInput.MemberPaths"/>).
    /// </summary>
    private Resolved? Resolve(PlaceholderPart placeholder)
    {
        if (placeholder.Scope == PlaceholderScope.Secrets)
        {
            if (_secretLocals.TryGetValue(placeholder.Name, out var local))
            {
                return new Resolved(local, ShapeSpec.Secret, "secrets." + placeholder.Name);
            }

            _failed = true;
            return null;
        }

        var input = _task.FindInput(placeholder.Name);
        if (input is null)
        {
            _failed = true;
            return null;
        }

        var expression = "this." + Identifier(input.PropertyName);
        if (placeholder.Members.Count == 0)
        {
            return new Resolved(expression, input.Shape, input.Name);
        }

        if (input.FindPath(string.Join(".", placeholder.Members)) is not { } path)
        {
            _failed = true;
            return null;
        }

        return new Resolved(expression + path.Access, path.Shape, input.Name);
    }

    private string Temporary(string prefix) => prefix + _temporaries++;

    private void Line(string text) => _lines.Add(new string(' ', _depth * 4) + text);

    private void Open()
    {
        Line("{");
        _depth++;
    }

    private void Close()
    {
        _depth--;
        Line("}");
    }

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private sealed class Resolved
    {
        public Resolved(string expression, ShapeSpec shape, string label)
        {
            Expression = expression;
            Shape = shape;
            Label = label;
        }

        public string Expression { get; }

        public ShapeSpec Shape { get; }

        /// <summary>The input's or secret's name, as error messages name it.</summary>
        public string Label { get; }
    }
}
