namespace WebhookTasks.Generator.Model;

/// <summary>
/// Everything the emitter needs for one task, as plain values: no symbol, syntax node, location or
/// compilation, so the incremental pipeline can cache it and compare it by value.
/// </summary>
/// <param name="HintName">The generated file's stable name, from the namespace and containing types.</param>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The types the class is nested in, outermost first.</param>
/// <param name="Keyword">The declaration keyword: <c>class</c> or <c>record</c>.</param>
/// <param name="ClassName">The class's name as written in C# (keywords escaped).</param>
/// <param name="TaskName">The task's name.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="UrlTemplate">The URL template as declared.</param>
/// <param name="Description">The description, if any.</param>
/// <param name="ShowData">Whether results carry the sent data.</param>
/// <param name="ShowUrl">Whether results carry the URL.</param>
/// <param name="TimeoutSeconds">The explicit timeout, if any.</param>
/// <param name="Inputs">The inputs in declaration order.</param>
/// <param name="Secrets">The declared secrets' names.</param>
/// <param name="CanConstruct">Whether the static overload can create the class with an object initializer.</param>
/// <param name="ClientParameter">The static overload's client parameter (renamed when an input takes <c>client</c>).</param>
/// <param name="TokenParameter">The static overload's token parameter (renamed when an input takes <c>cancellationToken</c>).</param>
/// <param name="Render">The statements of <c>Render</c>, or <see langword="null"/> when the declaration has errors.</param>
/// <param name="Helpers">Private helper members (enum formatters) the statements call.</param>
internal sealed record TaskSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Keyword,
    string ClassName,
    string TaskName,
    string Method,
    string UrlTemplate,
    string? Description,
    bool ShowData,
    bool ShowUrl,
    int? TimeoutSeconds,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<string> Secrets,
    bool CanConstruct,
    string ClientParameter,
    string TokenParameter,
    RenderSpec? Render,
    EquatableArray<string> Helpers);

/// <summary>A type that contains the task class.</summary>
/// <param name="Keyword">Its declaration keywords, such as <c>class</c>, <c>struct</c> or <c>record struct</c>.</param>
/// <param name="Name">Its name as written in C#.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>One input of a task.</summary>
/// <param name="Name">The input's name in templates.</param>
/// <param name="PropertyName">The property, as written in C#.</param>
/// <param name="TypeName">The property's type, <c>global::</c>-qualified.</param>
/// <param name="DisplayTypeName">The property's type as a person writes it, for the descriptor.</param>
/// <param name="ParameterName">The static overload's parameter, camelCase, keywords escaped.</param>
internal sealed record InputSpec(string Name, string PropertyName, string TypeName, string DisplayTypeName, string ParameterName);

/// <summary>The body of <c>Render</c>.</summary>
/// <param name="Statements">C# statements, one per line, already valid and escaped.</param>
/// <param name="SendsBody">Whether the JSON data is the request body.</param>
internal sealed record RenderSpec(EquatableArray<string> Statements, bool SendsBody);
