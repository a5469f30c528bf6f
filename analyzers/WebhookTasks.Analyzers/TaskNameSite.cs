using Microsoft.CodeAnalysis;

namespace WebhookTasks.Analyzers;

/// <summary>A task's name, the class that declares it, and where the name is written (or derived from).</summary>
internal sealed class TaskNameSite
{
    public TaskNameSite(string name, string typeName, Location location)
    {
        Name = name;
        TypeName = typeName;
        Location = location;
    }

    public string Name { get; }

    public string TypeName { get; }

    public Location Location { get; }
}
