using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Package.Tests;

/// <summary>What a finished child process printed, for assertions and for failure messages.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The command, how it ended and everything it printed.</summary>
    public string Describe()
    {
        var ending = TimedOut ? $"timed out after {Elapsed.TotalSeconds:F0} s and was killed" : $"exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s";
        return $"`{CommandLine}` in {WorkingDirectory} {ending}. Output:\n{Output}";
    }
}

/// <summary>
/// Runs the dotnet CLI as a child process: bounded in time (the whole process tree is killed on
/// timeout), with telemetry, the logo, MSBuild node reuse and the shared compiler server off, so that
/// nothing outlives the test.
/// </summary>
public static class DotNetCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet host that runs this test, when the CLI says; otherwise the one on PATH.</summary>
    private static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Variables an outer MSBuild or dotnet test sets for its own use; a child must find its own SDK.</summary>
    private static readonly string[] InheritedBuildVariables =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED",
    ];

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = CreateStartInfo(workingDirectory, arguments, environment);
        var commandLine = "dotnet " + string.Join(' ', start.ArgumentList);
        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.Append(line.Data).Append('\n');
                }
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
        }

        // Without a timeout, this also waits until both redirected streams are read to the end.
        process.WaitForExit();
        clock.Stop();

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, timedOut, text, clock.Elapsed);
    }

    /// <summary>Starts a program that runs until it is stopped, such as a web app; disposing it kills its process tree.</summary>
    public static RunningProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunningProcess.Start(CreateStartInfo(workingDirectory, arguments, environment));

    private static ProcessStartInfo CreateStartInfo(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }
}
