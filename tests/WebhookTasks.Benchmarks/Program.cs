using BenchmarkDotNet.Running;

namespace WebhookTasks.Benchmarks;

/// <summary>Runs the benchmarks; see run.sh for the short job and docs/performance.md for the figures.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--check"])
        {
            return Checks.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
