using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookTasks.Reliability.Tests;

/// <summary>A random task declaration as C# source, and whether it was built to be free of mistakes.</summary>
internal sealed record Declaration(string Source, bool IsValid)
{
    public override string ToString() => (IsValid ? "// valid\n" : "// any\n") + Source;
}

/// <summary>
/// Random task declarations: shapes of classes (nesting, partial or not, generic, abstract, records) and attribute
/// arguments (templates, methods, Data, headers, secrets, timeouts), valid and not. The C# itself always compiles.
/// </summary>
internal static class Declarations
{
    /// <summary>The types the declarations use, in a file of their own.</summary>
    public const string Support = """
        public enum Color { Red, Green }
        public sealed class Order { public int Id { get; init; } public string? Name { get; init; } }
        public static class Consts { public const string Url = "https://example.com/c/{inputs.id}"; }
        """;

    private sealed record Property(string Name, string Type, string Accessors, string? InputName, bool IsStatic);

    private static readonly string[] PropertyNames =
    [
        "Id", "id", "Q", "Host", "Text", "Tags", "When", "Amount", "Client", "CancellationToken", "cancellationToken",
        "Class", "Value", "@event", "__builder", "__json", "Url", "Method", "Name",
    ];

    /// <summary>Property names that are also the names of generated members (see the skipped generator property).</summary>
    private static readonly string[] GeneratedMemberNames = ["Descriptor", "Render", "InvokeAsync"];

    private static readonly string[] Types =
    [
        "string", "string?", "int", "int?", "bool", "long", "decimal", "double", "char", "System.Guid", "System.TimeSpan",
        "System.DateTime", "System.DateTimeOffset?", "System.Uri?", "System.Collections.Generic.List<string>", "string[]?", "int[]",
        "System.Collections.Generic.IReadOnlyList<int>", "System.Collections.Generic.Dictionary<string, int>",
        "Order?", "Color", "Color?", "object?", "byte[]",
    ];

    private static readonly string[] InputNames = ["item_id", "", "Id", "q", "Q", "inputs", "class", "event", "_", "ITEM-ID"];

    /// <summary>Input names that are not C# identifiers (see the skipped generator property).</summary>
    private static readonly string[] NonIdentifierInputNames = ["x y", "1bad", "a.b", "d\u00e9j\u00e0 vu", "x+y"];

    private static readonly string[] Accessors = ["{ get; init; }", "{ get; set; }", "{ get; }", "=> default!;", "{ get; private set; }"];

    private static readonly string[] Methods =
    [
        "WebhookMethod.Get", "WebhookMethod.Post", "WebhookMethod.Put", "WebhookMethod.Patch", "WebhookMethod.Delete", "(WebhookMethod)42",
    ];

    private static readonly string[] HeaderNames = ["X-A", "Content-Type", "Authorization", "bad name", "", "Host", "X-\u00e9"];

    private static readonly string[] SecretNames = ["url", "token", "", "bad-name", "Url"];

    private static readonly Gen<string> Template = Gen.Frequency<string>(
        (2, Gens.TemplateText),
        (1, Gen.OneOf("literal", "Bearer {secrets.token}", "{inputs.text}", "")),
        (3, Gen.OneOf(
            "https://example.com/items/{inputs.id}",
            "https://example.com/{inputs.q}?q={inputs.text}&t={inputs.tags}",
            "{secrets.url}",
            "http://{inputs.host}:8080/x",
            "https://example.com/{inputs.when:yyyy-MM-dd}",
            "https://example.com/{inputs.amount:F2}/{inputs.id.Length}",
            "https://example.com/a#frag",
            "https://u:p@example.com/",
            "https://example.com/{inputs.missing}",
            "https://example.com/?k={secrets.token}",
            "ftp://example.com",
            "https://example.com/{{x}}")));

    private static readonly Gen<string?> Data = Gen.Frequency<string?>(
        (3, Gen.Const((string?)null)),
        (1, Gens.JsonText.Select(text => (string?)text)),
        (3, Gen.OneOf<string?>(
            "{}",
            "{ \"text\": \"{inputs.text}\" }",
            "{ \"n\": \"{inputs.id}\", \"list\": \"{inputs.tags}\", \"o\": { \"deep\": [\"{inputs.q}\", 1, null] } }",
            "{ \"{inputs.q}\": \"k {secrets.token}\" }",
            "[1]",
            "{ \"a\": 1, }",
            "{ \"order\": \"{inputs.value}\" }",
            "{ \"x\": \"{inputs.when:o}\" }")));

    private static readonly Gen<string> Shape = Gen.OneOf(
        "class", "partial class", "partial class", "partial class", "partial record", "abstract partial class",
        "sealed partial class", "static partial class", "partial class<T>");

    private static readonly Gen<string> Container = Gen.OneOf(
        "", "", "namespace N;", "namespace A.B {", "partial class Outer {", "class Outer {", "partial struct Outer {",
        "partial class Outer<T> {", "namespace C { partial record Outer {");

    /// <summary>Declarations with no mistake in them: the generator must give them a real Render.</summary>
    public static readonly Gen<Declaration> Valid =
        Gen.Select(
            Gen.OneOf("partial class", "sealed partial class", "partial record", "abstract partial class"),
            Gen.OneOf("", "namespace N;", "namespace A.B {", "partial class Outer {", "partial struct Outer {"),
            Gen.OneOf("WebhookMethod.Get", "WebhookMethod.Post", "WebhookMethod.Put", "WebhookMethod.Patch", "WebhookMethod.Delete"),
            Gen.Select(
                Gen.OneOf("Id", "Text", "Q", "Value", "Client", "CancellationToken", "Class"),
                Gen.OneOf("string", "int", "System.Guid", "long", "bool", "decimal")).Array[1, 3],
            Gen.Bool,
            Gen.Int[0, 3],
            (shape, container, method, inputs, withData, literalStyle) =>
            {
                var properties = inputs
                    .DistinctBy(p => p.Item1.ToUpperInvariant())
                    .Select(p => new Property(p.Item1, p.Item2, Accessors[0], null, false))
                    .ToArray();
                var url = "https://example.com/items/" + string.Join("/", properties.Select(p => "{inputs." + p.Name.ToLowerInvariant() + "}"));
                var members = properties.Select(p => $"\"{p.Name}\": \"{{inputs.{p.Name}}}\"");
                var data = withData ? "{ " + string.Join(", ", members) + ", \"k\": [1, \"t\"] }" : null;
                (string, string)[] headers = [("X-Trace", "t-{inputs." + properties[0].Name + "}")];
                return Build(shape, container, "valid-task", false, url, method, data, 10, headers, [], properties, literalStyle, isValid: true);
            });

    /// <summary>Any declaration: random templates, shapes and properties.</summary>
    public static readonly Gen<Declaration> Any = Gen.Frequency<Declaration>((4, AnyWith(PropertyNames, InputNames)), (1, Valid));

    /// <summary>Any declaration, where an input named by <c>[Input]</c> gets a name that is not a C# identifier.</summary>
    public static readonly Gen<Declaration> AnyWithNonIdentifierInputNames = AnyWith(PropertyNames, NonIdentifierInputNames);

    /// <summary>Any declaration, where a property is named like a member the generator emits.</summary>
    public static readonly Gen<Declaration> AnyWithGeneratedMemberNames = AnyWith(GeneratedMemberNames, InputNames);

    private static Gen<Property> Properties(string[] propertyNames, string[] inputNames) =>
        Gen.Select(
            Gen.OneOf(propertyNames),
            Gen.OneOf(Types),
            Gen.Frequency<string>((6, Gen.Const(Accessors[0])), (1, Gen.OneOf(Accessors))),
            Gen.Frequency<string?>((4, Gen.Const((string?)null)), (1, Gen.OneOf(inputNames).Select(n => (string?)n))),
            Gen.Int[0, 20],
            (name, type, accessors, input, staticRoll) => new Property(name, type, accessors, input, staticRoll == 0));

    private static Gen<Declaration> AnyWith(string[] propertyNames, string[] inputNames) =>
        Gen.Select(
            Gen.Select(Shape, Container, Gen.OneOf("task", "", "a \"quoted\" name", "na\u00efve"), Gen.Bool),
            Gen.Select(Template, Gen.OneOf(Methods), Data, Gen.OneOf(0, 1, 10, -5, int.MaxValue)),
            Gen.Select(
                Gen.Select(Gen.OneOf(HeaderNames), Template).Array[0, 2],
                Gen.OneOf(SecretNames).Array[0, 2],
                Properties(propertyNames, inputNames).Array[0, 4]),
            Gen.Int[0, 3],
            (shape, arguments, members, literalStyle) => Build(
                shape.Item1, shape.Item2, shape.Item3, shape.Item4, arguments.Item1, arguments.Item2, arguments.Item3, arguments.Item4,
                members.Item1, members.Item2, members.Item3, literalStyle, isValid: false));

    private static Declaration Build(
        string shape, string container, string name, bool parameterlessConstructor, string url, string method, string? data, int timeout,
        (string Name, string Value)[] headers, string[] secrets, Property[] properties, int literalStyle, bool isValid)
    {
        var source = new StringBuilder();
        source.AppendLine("using WebhookTasks;");
        source.AppendLine(container);
        const string className = "WebTask";
        var declaredShape = shape.EndsWith("<T>", System.StringComparison.Ordinal) ? shape[..^3] : shape;
        var generic = shape.EndsWith("<T>", System.StringComparison.Ordinal) ? "<T>" : "";
        var arguments = new List<string>();
        if (!parameterlessConstructor)
        {
            arguments.Add(Literal(name, literalStyle));
        }

        arguments.Add("Url = " + (literalStyle == 3 && !isValid ? "Consts.Url" : Literal(url, literalStyle)));
        arguments.Add("Method = " + method);
        if (data is not null)
        {
            arguments.Add("Data = " + Literal(data, literalStyle));
        }

        if (timeout != 10)
        {
            arguments.Add("TimeoutSeconds = " + timeout);
        }

        arguments.Add("ShowData = true");
        source.AppendLine($"[WebhookTask({string.Join(", ", arguments)})]");
        foreach (var (headerName, value) in headers)
        {
            source.AppendLine($"[Header({Literal(headerName, 0)}, {Literal(value, literalStyle)})]");
        }

        foreach (var secret in secrets)
        {
            source.AppendLine($"[Secret({Literal(secret, 0)})]");
        }

        var isStatic = declaredShape.StartsWith("static", System.StringComparison.Ordinal);
        source.AppendLine($"public {declaredShape} {className}{generic}");
        source.AppendLine("{");
        var used = new HashSet<string>();
        foreach (var property in properties)
        {
            if (!used.Add(property.Name) || property.Name == className)
            {
                continue;
            }

            if (property.InputName is { } input)
            {
                source.Append("    [Input(").Append(Literal(input, 0)).Append(")] ");
            }

            var modifiers = property.IsStatic || isStatic ? "public static" : "public";
            var accessors = property.Accessors;
            if (modifiers == "public static" && accessors.Contains("init", System.StringComparison.Ordinal))
            {
                accessors = "{ get; set; }";
            }

            source.AppendLine($"    {modifiers} {property.Type} {property.Name} {accessors}");
        }

        source.AppendLine("}");
        source.Append(new string('}', container.Count(c => c == '{')));
        source.AppendLine();
        return new Declaration(source.ToString(), isValid);
    }

    /// <summary>A C# string literal: regular, verbatim, or a constant concatenation.</summary>
    private static string Literal(string value, int style) => style switch
    {
        1 => "@\"" + value.Replace("\"", "\"\"") + "\"",
        2 when value.Length > 1 => SymbolDisplay.FormatLiteral(value[..(value.Length / 2)], quote: true)
            + " + " + SymbolDisplay.FormatLiteral(value[(value.Length / 2)..], quote: true),
        _ => SymbolDisplay.FormatLiteral(value, quote: true),
    };
}
