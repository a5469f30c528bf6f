using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using WebhookTasks.Generator.Model;

namespace WebhookTasks.Generator.Parsing;

/// <summary>
/// Turns a <see cref="DeclaredTask"/> into the <see cref="TaskSpec"/> the emitter renders: the static
/// overload's parameter names and the planned <c>Render</c>. Pure computation on values, so the pipeline
/// step that runs it is skipped while the declaration stays equal.
/// </summary>
internal static class TaskSpecBuilder
{
    private const string DefaultClientParameter = "client";
    private const string DefaultTokenParameter = "cancellationToken";

    public static TaskSpec Build(DeclaredTask task, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (render, helpers) = RenderPlanner.Plan(task);
        var inputs = Inputs(task);
        var parameterNames = new HashSet<string>();
        foreach (var input in inputs)
        {
            parameterNames.Add(input.ParameterName.TrimStart('@'));
        }

        return new TaskSpec(
            HintName: task.HintName,
            Namespace: task.Namespace,
            ContainingTypes: task.ContainingTypes,
            Keyword: task.Keyword,
            ClassName: RenderPlanner.Identifier(task.ClassName),
            TaskName: task.TaskName,
            Method: task.Method ?? "POST",
            UrlTemplate: task.Url ?? "",
            Description: task.Description,
            ShowData: task.ShowData,
            ShowUrl: task.ShowUrl,
            TimeoutSeconds: task.TimeoutSeconds,
            Inputs: inputs.ToEquatableArray(),
            Secrets: task.Secrets,
            CanConstruct: task.CanConstruct,
            ClientParameter: Unique(DefaultClientParameter, "webhookClient", parameterNames),
            TokenParameter: Unique(DefaultTokenParameter, "webhookCancellationToken", parameterNames),
            Render: render,
            Helpers: helpers);
    }

    private static List<InputSpec> Inputs(DeclaredTask task)
    {
        var used = new HashSet<string>();
        var inputs = new List<InputSpec>(task.Inputs.Count);
        foreach (var input in task.Inputs)
        {
            // An [Input] name need not be a C# identifier ("item-id" is fine, "1st" is not): fall back to the property's.
            var parameter = CamelCase(input.Name);
            if (!SyntaxFacts.IsValidIdentifier(parameter))
            {
                parameter = CamelCase(input.PropertyName);
            }

            var unique = parameter;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = parameter + n;
            }

            inputs.Add(new InputSpec(
                input.Name,
                RenderPlanner.Identifier(input.PropertyName),
                input.TypeName,
                input.DisplayTypeName,
                RenderPlanner.Identifier(unique)));
        }

        return inputs;
    }

    private static string Unique(string preferred, string fallback, HashSet<string> taken)
    {
        if (!taken.Contains(preferred))
        {
            return preferred;
        }

        var name = fallback;
        while (taken.Contains(name))
        {
            name = "_" + name;
        }

        return name;
    }

    /// <summary><c>item_id</c> and <c>ItemId</c> become <c>itemId</c>; <c>URL</c> becomes <c>url</c>.</summary>
    public static string CamelCase(string name)
    {
        var words = name.Split(new[] { '_', '-' }, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "value";
        }

        var text = new StringBuilder();
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (w == 0)
            {
                var upper = 0;
                while (upper < word.Length && char.IsUpper(word[upper]))
                {
                    upper++;
                }

                var lower = upper == word.Length ? upper : System.Math.Max(1, upper - 1);
                text.Append(word.Substring(0, lower).ToLowerInvariant()).Append(word.Substring(lower));
            }
            else
            {
                text.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1));
            }
        }

        var result = text.ToString();
        return char.IsDigit(result[0]) ? "_" + result : result;
    }
}
