using System.IO;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>Every rule's help link leads somewhere: a page of its own, listed in the table of rules.</summary>
public class DocumentationTests
{
    [Fact]
    public void Every_rule_has_a_page_that_names_it_and_its_severity_setting()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var page = File.ReadAllText(Repository.File("docs", "diagnostics", descriptor.Id + ".md"));

            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", page, System.StringComparison.Ordinal);
            Assert.Contains($"dotnet_diagnostic.{descriptor.Id}.severity", page, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_table_of_rules_links_every_rule()
    {
        var table = File.ReadAllText(Repository.File("docs", "diagnostics", "README.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} |", table, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_release_tracking_file_lists_every_rule()
    {
        var unshipped = File.ReadAllText(Repository.File("analyzers", "WebhookTasks.Analyzers", "AnalyzerReleases.Unshipped.md"));

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains($"{descriptor.Id} | WebhookTasks | {descriptor.DefaultSeverity} | {descriptor.Title}", unshipped, System.StringComparison.Ordinal);
        }
    }
}
