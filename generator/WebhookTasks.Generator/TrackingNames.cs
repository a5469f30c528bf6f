namespace WebhookTasks.Generator;

/// <summary>Names of the incremental pipeline's steps, so tests can assert what was cached.</summary>
public static class TrackingNames
{
    /// <summary>The step that turns each annotated class into a <c>TaskSpec</c>.</summary>
    public const string TaskSpecs = "WebhookTasks.TaskSpecs";
}
