using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Package.Tests;

/// <summary>
/// A throwaway net10.0 console project that references the package the way a user does: a
/// PackageReference, restored through its own nuget.config (the test feed, then nuget.org for
/// anything else) into its own packages folder, so the user's package cache is never touched.
/// </summary>
public sealed class Consumer
{
    public const string AssemblyName = "Consumer";

    private Consumer(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string PackagesFolder => Path.Combine(Directory, "packages");

    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    /// <summary>Writes the project and its source files (name to text) into a new folder under the fixture's root.</summary>
    public static Consumer Create(PackageFixture package, string name, IReadOnlyDictionary<string, string> sources)
    {
        var directory = Path.Combine(package.Root, "consumers", name);
        System.IO.Directory.CreateDirectory(directory);
        var consumer = new Consumer(directory);

        // Empty props and targets stop MSBuild looking in the folders above for ones that are not ours.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="webhooktasks-test-feed" value="{SecurityElement.Escape(package.Feed)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, AssemblyName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>{AssemblyName}</AssemblyName>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{SecurityElement.Escape(consumer.PackagesFolder)}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }

        return consumer;
    }

    public Task<ProcessResult> BuildAsync(CancellationToken cancellationToken = default) =>
        DotNetCli.RunAsync(Directory, ["build", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"], Environment, cancellationToken);

    public Task<ProcessResult> RunAsync(CancellationToken cancellationToken = default) =>
        DotNetCli.RunAsync(Directory, [Path.Combine(OutputDirectory, AssemblyName + ".dll")], Environment, cancellationToken);

    private Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = PackagesFolder };
}
