using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace WebhookTasks.Package.Tests;

/// <summary>What the .nupkg holds, read as the zip file it is.</summary>
public sealed class PackageContentsTests(PackageFixture package)
{
    /// <summary>Where the compiler looks for generators and analyzers built against Roslyn 4.8 or later.</summary>
    public const string CompilerFolder = "analyzers/dotnet/roslyn4.8/cs/";

    /// <summary>The runtime's own package references (src/WebhookTasks/WebhookTasks.csproj), the only dependencies a user takes on.</summary>
    private static readonly (string?, string?)[] RuntimeDependencies =
    [
        ("Microsoft.Extensions.Http", "8.0.1"),
        ("Microsoft.Extensions.Logging.Abstractions", "8.0.2"),
        ("Microsoft.Extensions.Options.ConfigurationExtensions", "8.0.0"),
    ];

    private static readonly string[] CompilerComponents =
        ["WebhookTasks.Generator.dll", "WebhookTasks.Analyzers.dll", "WebhookTasks.CodeFixes.dll", "Scriban.Signed.dll"];

    [Fact]
    public void PackageCarriesTheRuntimeAndItsXmlDocsForNet80()
    {
        Assert.Contains("lib/net8.0/WebhookTasks.dll", package.Entries);
        Assert.Contains("lib/net8.0/WebhookTasks.xml", package.Entries);
    }

    [Fact]
    public void PackageCarriesTheGeneratorAndScribanWhereTheCompilerLoadsThem()
    {
        Assert.Contains(CompilerFolder + "WebhookTasks.Generator.dll", package.Entries);
        Assert.Contains(CompilerFolder + "Scriban.Signed.dll", package.Entries);
    }

    [Fact]
    public void PackageCarriesTheAnalyzersAndCodeFixesBesideTheGenerator()
    {
        Assert.Contains(CompilerFolder + "WebhookTasks.Analyzers.dll", package.Entries);
        Assert.Contains(CompilerFolder + "WebhookTasks.CodeFixes.dll", package.Entries);
    }

    [Fact]
    public void PackageCarriesNoCompilerComponentUnderLib()
    {
        var lib = package.Entries.Where(entry => entry.StartsWith("lib/", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(lib);
        Assert.DoesNotContain(lib, entry => CompilerComponents.Contains(Path.GetFileName(entry)));
    }

    [Fact]
    public void PackageCarriesNothingInTheCompilerFolderButCompilerComponents()
    {
        var compilerFiles = package.Entries
            .Where(entry => entry.StartsWith(CompilerFolder, StringComparison.Ordinal))
            .Select(entry => entry[CompilerFolder.Length..]);

        Assert.All(compilerFiles, file => Assert.Contains(file, CompilerComponents));
    }

    [Fact]
    public void NuspecDeclaresOnlyTheRuntimesMicrosoftExtensionsDependenciesForNet80()
    {
        var metadata = ReadNuspecMetadata();
        var ns = metadata.Name.Namespace;

        var groups = metadata.Element(ns + "dependencies")?.Elements(ns + "group").ToArray() ?? [];
        var group = Assert.Single(groups);
        var dependencies = group.Elements(ns + "dependency")
            .Select(dependency => ((string?)dependency.Attribute("id"), (string?)dependency.Attribute("version")))
            .OrderBy(dependency => dependency.Item1, StringComparer.Ordinal);

        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        Assert.Equal(RuntimeDependencies, dependencies);
    }

    [Fact]
    public void NuspecDeclaresNoCompilerComponentAsADependency()
    {
        var metadata = ReadNuspecMetadata();

        var ids = metadata.Descendants(metadata.Name.Namespace + "dependency").Select(dependency => (string?)dependency.Attribute("id") ?? "").ToArray();

        Assert.NotEmpty(ids);
        Assert.DoesNotContain(ids, id => id.Contains("CodeAnalysis", StringComparison.OrdinalIgnoreCase)
                                         || id.Contains("Scriban", StringComparison.OrdinalIgnoreCase)
                                         || id.Contains("PolySharp", StringComparison.OrdinalIgnoreCase)
                                         || id.StartsWith("WebhookTasks", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NuspecNamesTheMitLicenseTheRepositoryAndTheReadme()
    {
        var metadata = ReadNuspecMetadata();
        var ns = metadata.Name.Namespace;

        Assert.Equal(PackageFixture.PackageId, (string?)metadata.Element(ns + "id"));
        Assert.Equal(package.Version, (string?)metadata.Element(ns + "version"));
        Assert.Equal("MIT", (string?)metadata.Element(ns + "license"));
        Assert.Equal("expression", (string?)metadata.Element(ns + "license")?.Attribute("type"));
        Assert.Equal("https://github.com/webhooktasks/webhooktasks", (string?)metadata.Element(ns + "repository")?.Attribute("url"));
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")));
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "tags")));
        var readme = (string?)metadata.Element(ns + "readme");
        Assert.Equal("README.md", readme);
        Assert.Contains(readme, package.Entries);
    }

    [Fact]
    public void SymbolPackageCarriesTheRuntimePdb()
    {
        var symbols = Path.ChangeExtension(package.PackagePath, ".snupkg");
        Assert.True(File.Exists(symbols), $"No symbol package at {symbols}.");

        using var archive = ZipFile.OpenRead(symbols);

        Assert.Contains("lib/net8.0/WebhookTasks.pdb", archive.Entries.Select(entry => entry.FullName));
    }

    private XElement ReadNuspecMetadata()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var nuspec = Assert.Single(archive.Entries, entry => entry.FullName == PackageFixture.PackageId + ".nuspec");
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        var metadata = document.Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata");
        Assert.NotNull(metadata);
        return metadata;
    }
}
