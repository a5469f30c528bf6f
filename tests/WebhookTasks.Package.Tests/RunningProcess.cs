using System;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Package.Tests;

/// <summary>
/// A child process that keeps running (a web app): its output so far, a wait for a line that matches, and a
/// dispose that kills its whole process tree, so nothing outlives the test.
/// </summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private RunningProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the process printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static RunningProcess Start(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        var running = new RunningProcess(process);
        process.OutputDataReceived += running.Append;
        process.ErrorDataReceived += running.Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits until the output has a match for <paramref name="pattern"/>, the process exits, or the time is up.</summary>
    /// <returns>The match, or <see langword="null"/> when the process exited or the time ran out first.</returns>
    public async Task<Match?> WaitForOutputAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match;
            }

            if (_process.HasExited)
            {
                return null;
            }

            // Woken by each new line, and at least every half second to look at the process.
            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return null;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // The process has already gone.
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Append(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line.Data).Append('\n');
        }

        _lineArrived.Release();
    }
}
