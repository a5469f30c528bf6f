using System;
using System.IO;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>Files of the repository these tests run in, found from the test's output folder.</summary>
internal static class Repository
{
    public static string File(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "WebhookTasks.Generators.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, Path.Combine(parts));
    }
}
