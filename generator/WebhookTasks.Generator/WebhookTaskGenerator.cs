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
        // Roslyn reruns this transform for every task after any edit, so it only reads the symbols into a value.
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TaskDeclaration.WebhookTaskAttributeName,
                static (node, _) => DeclarationReader.IsCandidate(node),
                static (syntax, cancellationToken) => DeclarationReader.Read(syntax, cancellationToken))
            .Where(static declaration => declaration is not null)
            .WithTrackingName(TrackingNames.Declarations);

        // Planning runs only for a declaration that differs from the last run's.
        var tasks = declarations
            .Select(static (declaration, cancellationToken) => TaskSpecBuilder.Build(declaration!, cancellationToken))
            .WithTrackingName(TrackingNames.TaskSpecs);

        context.RegisterSourceOutput(tasks, static (output, spec) => output.AddSource(spec.HintName, TaskEmitter.Emit(spec)));
    }
}
