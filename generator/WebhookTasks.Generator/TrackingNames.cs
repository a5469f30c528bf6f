namespace WebhookTasks.Generator;

/// <summary>Names of the incremental pipeline's steps, so tests can assert what was cached.</summary>
public static class TrackingNames
{
    /// <summary>The step that reads each annotated class into a <c>DeclaredTask</c> (after every edit).</summary>
    public const string Declarations = "WebhookTasks.Declarations";

    /// <summary>The step that plans each declaration into a <c>TaskSpec</c> (only when the declaration changed).</summary>
    public const string TaskSpecs = "WebhookTasks.TaskSpecs";
}
