using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

[assembly: AssemblyFixture(typeof(WebhookTasks.Package.Tests.PackageFixture))]

namespace WebhookTasks.Package.Tests;

/// <summary>
/// Packs src/WebhookTasks once per test run, as `dotnet pack` does for a release, into a fresh folder
/// feed with a version no cache has seen. Build output goes to a temporary artifacts folder, so the
/// work tree's bin and obj folders are neither used nor changed.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "WebhookTasks.Generators";

    private Lazy<Task<Consumer>>? _renderConsumer;
    private Lazy<Task<Consumer>>? _webApp;

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "webhooktasks-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder that holds the feed, the pack's build output and every consumer.</summary>
    public string Root { get; }

    /// <summary>The folder feed the package is packed into.</summary>
    public string Feed { get; }

    /// <summary>The package's version, unique to this run.</summary>
    public string Version { get; }

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    /// <summary>The entries of the .nupkg, as paths with forward slashes.</summary>
    public IReadOnlyList<string> Entries { get; private set; } = [];

    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>Whether the analyzers project existed when the package was packed.</summary>
    public bool AnalyzersProjectExists =>
        File.Exists(Path.Combine(RepositoryRoot, "analyzers", "WebhookTasks.Analyzers", "WebhookTasks.Analyzers.csproj"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        _renderConsumer = new Lazy<Task<Consumer>>(() => ConsumerTests.BuildRenderConsumerAsync(this));
        _webApp = new Lazy<Task<Consumer>>(() => AspNetCoreAppTests.BuildWebAppAsync(this));
        Pack = await DotNetCli.RunAsync(RepositoryRoot,
        [
            "pack", Path.Combine(RepositoryRoot, "src", "WebhookTasks", "WebhookTasks.csproj"),
            "--configuration", "Release",
            "--output", Feed,
            "-tl:off",
            "-nodeReuse:false",
            $"-p:Version={Version}",
            "-p:UseArtifactsOutput=true",
            $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}",
        ]);
        if (!Pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing {PackageId} failed or made no {Path.GetFileName(PackagePath)}. {Pack.Describe()}");
        }

        using var archive = ZipFile.OpenRead(PackagePath);
        Entries = archive.Entries.Select(entry => entry.FullName).ToArray();
    }

    /// <summary>The consumer that declares two tasks and prints their rendered requests, built once for the tests that read it.</summary>
    public Task<Consumer> RenderConsumer => _renderConsumer!.Value;

    /// <summary>The README's ASP.NET Core app, built once for the tests that run it.</summary>
    public Task<Consumer> WebApp => _webApp!.Value;

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder that cannot be removed now is left for the system to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebhookTasks.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No WebhookTasks.Generators.sln above {AppContext.BaseDirectory}.");
    }
}
