using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Scriban;
using Scriban.Runtime;
using WebhookTasks.Generator.Model;
using WebhookTasks.Generator.Parsing;

namespace WebhookTasks.Generator.Emitting;

/// <summary>Renders a <see cref="TaskSpec"/> to C# through the embedded Scriban templates, parsed once.</summary>
internal static class TaskEmitter
{
    private static readonly Lazy<Template> ClassTemplate = new(() => Load("TaskClass.scriban"));
    private static readonly Lazy<Template> FileTemplate = new(() => Load("File.scriban"));
    private static readonly string Version = typeof(TaskEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Emit(TaskSpec spec)
    {
        var depth = spec.ContainingTypes.Count;
        var body = Render(ClassTemplate.Value, ClassModel(spec));
        var indented = Indent(body, depth);
        var containing = spec.ContainingTypes
            .Select((type, level) => new ScriptObject { ["indent"] = new string(' ', level * 4), ["keyword"] = type.Keyword, ["name"] = type.Name })
            .ToList();
        var file = new ScriptObject
        {
            ["namespace"] = spec.Namespace,
            ["containing_types"] = containing,
            ["closing_types"] = Enumerable.Reverse(containing).ToList(),
            ["body"] = indented,
        };
        return Render(FileTemplate.Value, file).Replace("\r\n", "\n");
    }

    private static ScriptObject ClassModel(TaskSpec spec)
    {
        var taskNameXml = Xml("'" + spec.TaskName + "'");
        var inputs = spec.Inputs.Select(input => new ScriptObject
        {
            ["name_literal"] = RenderPlanner.Literal(input.Name),
            ["name_xml"] = Xml(input.Name),
            ["property_literal"] = RenderPlanner.Literal(input.PropertyName.TrimStart('@')),
            ["property"] = input.PropertyName,
            ["type"] = input.TypeName,
            ["type_literal"] = RenderPlanner.Literal(input.DisplayTypeName),
            ["parameter"] = input.ParameterName,
            ["parameter_xml"] = Xml(input.ParameterName.TrimStart('@')),
        }).ToList();

        return new ScriptObject
        {
            ["version"] = Version,
            ["keyword"] = spec.Keyword,
            ["class_name"] = spec.ClassName,
            ["task_name_xml"] = taskNameXml,
            ["task_name"] = RenderPlanner.Literal(spec.TaskName),
            ["method"] = RenderPlanner.Literal(spec.Method),
            ["url_template"] = RenderPlanner.Literal(spec.UrlTemplate),
            ["description"] = spec.Description is null ? "null" : RenderPlanner.Literal(spec.Description),
            ["description_lines"] = DescriptionLines(spec.Description),
            ["show_data"] = spec.ShowData ? "true" : "false",
            ["show_url"] = spec.ShowUrl ? "true" : "false",
            ["timeout"] = spec.TimeoutSeconds is { } seconds ? $"global::System.TimeSpan.FromSeconds({seconds})" : "null",
            ["inputs"] = inputs,
            ["secrets"] = spec.Secrets.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", spec.Secrets.Select(RenderPlanner.Literal)) + " }",
            ["has_render"] = spec.Render is not null,
            ["statements"] = spec.Render?.Statements.ToList() ?? new List<string>(),
            ["sends_body"] = spec.Render?.SendsBody == true ? "true" : "false",
            ["error_message"] = RenderPlanner.Literal($"Webhook task '{spec.TaskName}' has errors in its declaration; the WHT diagnostics of the build say what to fix."),
            ["has_static_overload"] = spec.CanConstruct && spec.Inputs.Count > 0,
            ["client_parameter"] = spec.ClientParameter,
            ["token_parameter"] = spec.TokenParameter,
            ["helpers"] = spec.Helpers.ToList(),
        };
    }

    private static List<string> DescriptionLines(string? description) =>
        description is null
            ? new List<string>()
            : description.Replace("\r\n", "\n").Split('\n').Select(line => Xml(line.Trim())).Where(line => line.Length > 0).ToList();

    private static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Indent(string text, int depth)
    {
        if (depth == 0)
        {
            return text.TrimEnd('\n');
        }

        var prefix = new string(' ', depth * 4);
        var lines = text.TrimEnd('\n').Split('\n');
        return string.Join("\n", lines.Select(line => line.Length == 0 ? line : prefix + line));
    }

    private static string Render(Template template, ScriptObject model)
    {
        // Strict: an unknown variable or member fails the render instead of printing nothing,
        // and no loop or output limit can cut a large task short without saying so. The templates call no
        // built-in function, so the context gets an empty set of them: building Scriban's default set costs
        // more than the render itself, twice per task.
        var context = new TemplateContext(new ScriptObject())
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = 0,
            LimitToString = 0,
            RecursiveLimit = 0,
            NewLine = "\n",
        };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var assembly = typeof(TaskEmitter).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream("WebhookTasks.Generator.Emitting." + name)
                           ?? throw new InvalidOperationException($"The generator's template '{name}' is not embedded.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"The generator's template '{name}' does not parse: {string.Join("; ", template.Messages)}");
        }

        return template;
    }
}
