using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace WebhookTasks.Package.Tests;

/// <summary>A consumer's build, its run when it built, and what the loopback receiver got during the run.</summary>
public sealed record HangfireConsumerRun(ProcessResult Build, ProcessResult? Run, IReadOnlyList<ReceivedRequest> Received)
{
    /// <summary>The run, which must have happened and succeeded; otherwise fails the test with what was printed.</summary>
    public ProcessResult SucceededRun()
    {
        Assert.True(Build.Succeeded, "The consumer of WebhookTasks.Hangfire did not build. " + Build.Describe());
        var run = Run!;
        Assert.True(run.Succeeded, run.Describe());
        return run;
    }

    /// <summary>The job line the run printed.</summary>
    public Match JobLine()
    {
        var run = SucceededRun();
        var line = HangfireConsumer.JobLine.Match(run.Output);
        Assert.True(line.Success, "The consumer printed no job line. " + run.Describe());
        return line;
    }
}

/// <summary>
/// Packs src/WebhookTasks.Hangfire once, into the feed that holds WebhookTasks.Generators of the same version; each
/// consumer is built and run once, when a test first asks for it, against a loopback receiver of its own.
/// </summary>
public sealed class HangfirePackageFixture(PackageFixture package) : IAsyncLifetime
{
    private Lazy<Task<HangfireConsumerRun>>? _withBothPackages;
    private Lazy<Task<HangfireConsumerRun>>? _withHangfireOnly;
    private Lazy<Task<ProcessResult>>? _readmeAppBuild;

    public string PackagePath { get; private set; } = "";

    /// <summary>The consumer that references WebhookTasks.Hangfire and WebhookTasks.Generators.</summary>
    public Task<HangfireConsumerRun> WithBothPackages => _withBothPackages!.Value;

    /// <summary>The consumer that references WebhookTasks.Hangfire alone (with Hangfire.InMemory).</summary>
    public Task<HangfireConsumerRun> WithHangfireOnly => _withHangfireOnly!.Value;

    /// <summary>The build of the README's "Running at scale" app from the packages.</summary>
    public Task<ProcessResult> ReadmeAppBuild => _readmeAppBuild!.Value;

    public async ValueTask InitializeAsync()
    {
        PackagePath = await HangfireConsumer.PackAsync(package);
        _withBothPackages = new Lazy<Task<HangfireConsumerRun>>(() => BuildAndRunAsync("hangfire", referenceGenerators: true));
        _withHangfireOnly = new Lazy<Task<HangfireConsumerRun>>(() => BuildAndRunAsync("hangfire-only", referenceGenerators: false));
        _readmeAppBuild = new Lazy<Task<ProcessResult>>(() => HangfireConsumer.CreateReadmeApp(package).BuildAsync());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<HangfireConsumerRun> BuildAndRunAsync(string name, bool referenceGenerators)
    {
        var consumer = HangfireConsumer.Create(package, name, referenceGenerators);
        var build = await consumer.BuildAsync();
        if (!build.Succeeded)
        {
            return new HangfireConsumerRun(build, null, []);
        }

        await using var receiver = new LoopbackReceiver();
        var run = await consumer.RunAsync([receiver.Origin.ToString()], null);
        return new HangfireConsumerRun(build, run, receiver.Requests);
    }
}

/// <summary>WebhookTasks.Hangfire as a user gets it: packed, restored from a feed, and run on Hangfire.InMemory.</summary>
public sealed class HangfirePackageTests(PackageFixture package, HangfirePackageFixture hangfire) : IClassFixture<HangfirePackageFixture>
{
    private const string ExpectedBody = """{"note":"paid","order":42}""";

    /// <summary>The consumer's result JSON: the receiver's 200 <c>ok</c> and, as the task has ShowData, what was sent.</summary>
    private const string ExpectedResult = """{"status_code":200,"response_data":"ok","input_data":{"note":"paid","order":42}}""";

    [Fact]
    public void HangfirePackageDependsOnWebhookTasksGeneratorsOfTheSameVersion()
    {
        var metadata = ReadNuspecMetadata(hangfire.PackagePath);
        var ns = metadata.Name.Namespace;

        var dependency = Assert.Single(metadata.Descendants(ns + "dependency"), element => (string?)element.Attribute("id") == PackageFixture.PackageId);

        Assert.Equal(package.Version, (string?)dependency.Attribute("version"));
    }

    [Fact]
    public async Task ConsumerOfBothPackagesBuildsWithTheGeneratorAndRunsTheTaskAsAJobThatSucceeds()
    {
        var consumer = await hangfire.WithBothPackages;

        var line = consumer.JobLine();

        Assert.Equal("Succeeded", line.Groups["state"].Value);
        Assert.Equal(ExpectedResult, line.Groups["result"].Value);
        var sent = Assert.Single(consumer.Received);
        Assert.Equal(("POST", "/orders/42/events", ExpectedBody), (sent.Method, sent.Target, sent.Body));
    }

    [Fact]
    public async Task JobCallCarriesTheIdempotencyKeyTheJobResultReports()
    {
        var consumer = await hangfire.WithBothPackages;
        var key = consumer.JobLine().Groups["key"].Value;
        var sent = Assert.Single(consumer.Received);

        var headers = sent.HeaderLines.Where(header => header.StartsWith("Idempotency-Key:", StringComparison.OrdinalIgnoreCase)).ToArray();

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Equal(["Idempotency-Key: " + key], headers);
    }

    [Fact]
    public async Task ConsumerOfTheHangfirePackageAloneGetsTheRuntimeAndGeneratorThroughItsDependency()
    {
        var consumer = await hangfire.WithHangfireOnly;

        var line = consumer.JobLine();

        Assert.Equal(("Succeeded", ExpectedResult), (line.Groups["state"].Value, line.Groups["result"].Value));
        var sent = Assert.Single(consumer.Received);
        Assert.Equal(("POST", "/orders/42/events", ExpectedBody), (sent.Method, sent.Target, sent.Body));
    }

    [Fact]
    public async Task ReadmeHangfireAppBuildsFromThePackages()
    {
        var build = await hangfire.ReadmeAppBuild;

        Assert.True(build.Succeeded, "The README's Running at scale app did not build from the packages. " + build.Describe());
    }

    [Fact]
    public void ReadmeQuotesTheTestedHangfireAppWordForWord()
    {
        var readme = File.ReadAllText(Path.Combine(package.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n" + HangfireConsumer.ReadmeSection + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{HangfireConsumer.ReadmeSection}'.");
        var next = readme.IndexOf("\n## ", start + HangfireConsumer.ReadmeSection.Length + 1, StringComparison.Ordinal);
        var section = next < 0 ? readme[start..] : readme[start..next];
        var blocks = Regex.Matches(section, "```csharp\n(?<code>.*?)```", RegexOptions.Singleline).Select(match => match.Groups["code"].Value).ToArray();

        var tested = File.ReadAllText(Path.Combine(package.RepositoryRoot, "tests", "WebhookTasks.Package.Tests", "HangfireApp", "Program.cs")).ReplaceLineEndings("\n");

        Assert.Contains(tested, blocks);
    }

    private static XElement ReadNuspecMetadata(string packagePath)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        var nuspec = Assert.Single(archive.Entries, entry => entry.FullName == HangfireConsumer.PackageId + ".nuspec");
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata");
        Assert.NotNull(metadata);
        return metadata;
    }
}
