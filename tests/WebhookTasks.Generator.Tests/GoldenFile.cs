using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace WebhookTasks.Generator.Tests;

/// <summary>
/// Compares text with a file kept in the test project's Golden folder. Set the environment variable
/// WEBHOOKTASKS_UPDATE_GOLDEN=1 to write the actual text instead (then review the diff and commit it).
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "WEBHOOKTASKS_UPDATE_GOLDEN";

    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with {UpdateVariable}=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
