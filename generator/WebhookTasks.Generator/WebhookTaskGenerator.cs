using Microsoft.CodeAnalysis;
using WebhookTasks.Generator.Emitting;
using WebhookTasks.Generator.Parsing;
using WebhookTasks.Symbols;

namespace WebhookTasks.Generator;

/// <summary>
/// Emits <c>Render</c>, <c>InvokeAsync</c> and a descriptor for every <c>partial</c> class marked
/// <c>[WebhookTask]</c>. Diagnostics are the analyzers' job: a declaration this generator cannot
/// build still gets its members' signatures, with a body that says to look at the build's errors.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WebhookTaskGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var tasks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskDeclaration.WebhookTaskAttributeName,
                static (node, _) => TaskSpecParser.IsCandidate(node),
                static (syntax, cancellationToken) => TaskSpecParser.Parse(syntax, cancellationToken))
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.TaskSpecs);

        context.RegisterSourceOutput(tasks, static (output, spec) => output.AddSource(spec!.HintName, TaskEmitter.Emit(spec)));
    }
}
