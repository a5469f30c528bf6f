using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Hangfire.Cluster.Tests;

/// <summary>
/// One worker process: <c>dotnet WebhookTasks.Hangfire.Worker.dll ...</c> from this test's output folder, its
/// standard output and error copied, line by line, to a log file. Its standard input stays open: the worker runs
/// with <c>--exit-on-stdin-eof</c>, so it ends by itself should this process die without killing it. Disposing kills
/// the whole process tree.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StreamWriter _log;
    private readonly object _logGate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;
    private bool _exitedWhenDisposed;

    private WorkerProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id { get; private set; }

    public string LogPath { get; private set; } = "";

    /// <summary>When the worker said it runs.</summary>
    public Task Ready => _ready.Task;

    /// <summary>When the process ended, killed or not.</summary>
    public Task Exited => _exited.Task;

    public bool HasExited => _disposed ? _exitedWhenDisposed : _process.HasExited;

    /// <summary>Starts the worker named <paramref name="name"/> with <paramref name="arguments"/>; logs to <paramref name="logPath"/>.</summary>
    public static WorkerProcess Start(string name, IEnumerable<string> arguments, string logPath)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "WebhookTasks.Hangfire.Worker.dll");
        if (!File.Exists(worker) || !File.Exists(Path.ChangeExtension(worker, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"the worker program is not beside the test: {worker} (and its .runtimeconfig.json)");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add("--name");
        start.ArgumentList.Add(name);
        start.ArgumentList.Add("--exit-on-stdin-eof");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test's environment without the variable the worker would otherwise read its connection string from:
        // it gets its database on the command line only.
        start.Environment.Remove("WEBHOOKTASKS_TEST_POSTGRES");

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var result = new WorkerProcess(name, process, log) { LogPath = logPath };
        process.OutputDataReceived += (_, e) => result.OnLine(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => result.OnLine(e.Data, error: true);
        process.Exited += (_, _) => result._exited.TrySetResult();
        if (!process.Start())
        {
            throw new InvalidOperationException("the worker did not start");
        }

        result.Id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>The last lines the worker printed, for a failure message.</summary>
    public string Tail(int count = 15) => string.Join(Environment.NewLine, _lines.TakeLast(count).Select(line => "    " + line));

    /// <summary>Kills the worker and everything it started, at once (SIGKILL): nothing of it runs afterwards.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already gone.
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Kill();
        _exitedWhenDisposed = _process.WaitForExit(10_000);
        _disposed = true;
        _process.Dispose();
        lock (_logGate)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > 200 && _lines.TryDequeue(out _))
        {
        }

        lock (_logGate)
        {
            try
            {
                _log.WriteLine(error ? "stderr: " + line : line);
            }
            catch (ObjectDisposedException)
            {
            }
        }

        if (!error && line.EndsWith(Worker.Program.ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    // The dotnet host that runs this test (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
