using WebhookTasks;

namespace WebhookTasks.Hangfire.Worker;

/// <summary>
/// The task the cluster test enqueues 500 times: one POST per job to the test's receiver, which the worker reaches
/// through its origin override (the host and port here are never called). <see cref="Index"/> tells the receiver
/// which job a call belongs to; <see cref="Run"/> keeps calls of one test run apart from any other.
/// </summary>
[WebhookTask("cluster-call",
    Url = "http://127.0.0.1:9/calls/{inputs.index}",
    Data = """{ "index": "{inputs.index}", "run": "{inputs.run}" }""",
    ShowData = true,
    ShowUrl = true,
    TimeoutSeconds = 10)]
[Header("Content-Type", "application/json")]
public partial class ClusterCall
{
    public int Index { get; set; }

    public string Run { get; set; } = "";
}
