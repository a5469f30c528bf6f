using System;
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
    public static Consumer Create(PackageFixture package, string name, IReadOnlyDictionary<string, string> sources) =>
        Create(package, name, sources, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>{AssemblyName}</AssemblyName>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>@@PACKAGES_FOLDER@@</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);

    /// <summary>
    /// Writes an ASP.NET Core app as <c>dotnet new web</c> makes one (the Web SDK, implicit usings, nullable on),
    /// with the package and Microsoft.Extensions.Http.Resilience added as the README says, and warnings as errors.
    /// </summary>
    public static Consumer CreateWebApp(PackageFixture package, string name, IReadOnlyDictionary<string, string> files) =>
        Create(package, name, files, $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>{AssemblyName}</AssemblyName>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>@@PACKAGES_FOLDER@@</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.PackageId}" Version="{package.Version}" />
                <PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="{ResilienceVersion}" />
              </ItemGroup>
            </Project>
            """);

    /// <summary>The version of Microsoft.Extensions.Http.Resilience the web app adds, the one for .NET 10.</summary>
    public const string ResilienceVersion = "10.0.0";

    private static Consumer Create(PackageFixture package, string name, IReadOnlyDictionary<string, string> sources, string project)
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
        File.WriteAllText(
            Path.Combine(directory, AssemblyName + ".csproj"),
            project.Replace("@@PACKAGES_FOLDER@@", SecurityElement.Escape(consumer.PackagesFolder), StringComparison.Ordinal));
        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(directory, file), text);
        }

        return consumer;
    }

    public Task<ProcessResult> BuildAsync(CancellationToken cancellationToken = default) =>
        DotNetCli.RunAsync(Directory, ["build", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"], Environment, cancellationToken);

    public Task<ProcessResult> RunAsync(CancellationToken cancellationToken = default) =>
        RunAsync([], null, cancellationToken);

    /// <summary>Runs the built program to its end, in its output folder (its content root), with arguments and variables.</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken = default) =>
        DotNetCli.RunAsync(OutputDirectory, [Path.Combine(OutputDirectory, AssemblyName + ".dll"), .. arguments], With(environment), cancellationToken);

    /// <summary>Starts the built program (a web app) in its output folder, to run until disposed.</summary>
    public RunningProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment) =>
        DotNetCli.Start(OutputDirectory, [Path.Combine(OutputDirectory, AssemblyName + ".dll"), .. arguments], With(environment));

    private Dictionary<string, string> With(IReadOnlyDictionary<string, string>? environment)
    {
        var variables = Environment;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return variables;
    }

    private Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = PackagesFolder };
}
