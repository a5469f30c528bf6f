using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Analyzers.Tests;

/// <summary>Declarations that are correct, or incomplete in ways the compiler reports, get no diagnostic from us.</summary>
public class ValidTaskTests
{
    [Fact]
    public Task Flytekit_example_tasks_have_no_diagnostics() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("simple-get", Url = "http://localhost:8000/", Method = WebhookMethod.Get)]
        [Header("Content-Type", "application/json")]
        public partial class SimpleGet
        {
        }

        [WebhookTask("get-with-params",
            Url = "http://localhost:8000/items/{inputs.item_id}",
            Method = WebhookMethod.Get,
            Data = """{ "q": "{inputs.s}" }""",
            ShowData = true,
            ShowUrl = true,
            Description = "Test Webhook Task")]
        [Header("Content-Type", "application/json")]
        public partial class GetWithParams
        {
            public string S { get; init; } = "";

            [Input("item_id")]
            public int ItemId { get; init; }
        }

        [WebhookTask("invoke-slack",
            Url = "https://hooks.slack.com/services/test/test/test",
            Data = """{ "text": "{inputs.s}" }""",
            ShowData = true,
            ShowUrl = true,
            Description = "Test Webhook Task")]
        [Header("Content-Type", "application/json")]
        public partial class InvokeSlack
        {
            public string S { get; init; } = "";
        }
        """");

    [Fact]
    public async Task The_sample_projects_tasks_have_no_diagnostics()
    {
        var path = Repository.File("samples", "WebhookTasks.Sample", "Tasks.cs");
        var source = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);

        var diagnostics = await Verify.Diagnostics(source);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task Task_with_declared_secrets_has_no_diagnostics() => Verify.Analyzer(""""
        using WebhookTasks;

        [WebhookTask("invoke-slack", Url = "{secrets.slack_url}", Data = """{ "text": "{inputs.s}" }""")]
        [Secret("slack_url")]
        [Secret("token")]
        [Header("Authorization", "Bearer {secrets.token}")]
        public partial class InvokeSlack
        {
            public string S { get; init; } = "";
        }
        """");

    [Fact]
    public Task Rich_task_with_members_formats_hosts_and_queries_has_no_diagnostics() => Verify.Analyzer(""""
        using System;
        using System.Collections.Generic;
        using WebhookTasks;

        public sealed class Address
        {
            public string City { get; init; } = "";
        }

        public static partial class Outer
        {
            [WebhookTask(
                Url = "https://{inputs.region}.example.com:8443/users/{inputs.ID}/{inputs.address.City}"
                      + "?on={inputs.when:yyyy-MM-dd}&tag={inputs.tags}",
                Method = WebhookMethod.Delete,
                Data = """{ "ids": ["{inputs.tags}", 1, null], "{inputs.region}-x": "{inputs.when}", "n": 1.5 }""")]
            [Header("X-When", "{inputs.when:O}")]
            public partial class Hook
            {
                public string Region { get; set; } = "";
                public int Id { get; set; }
                public Address Address { get; set; } = new();
                public DateTimeOffset When { get; set; }
                public List<string> Tags { get; set; } = new();
            }
        }
        """");

    [Fact]
    public Task Non_constant_url_is_left_to_the_compiler() => Verify.Analyzer("""
        using WebhookTasks;

        public static class Endpoints
        {
            public static string Items() => "https://example.com/";
        }

        [WebhookTask("t", Url = {|CS0182:Endpoints.Items()|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Url_of_the_wrong_type_is_left_to_the_compiler() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = {|CS0029:5|})]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Header_missing_its_value_is_left_to_the_compiler() => Verify.Analyzer("""
        using WebhookTasks;

        [WebhookTask("t", Url = "https://example.com/")]
        [{|CS7036:Header("X-Test")|}]
        public partial class Hook
        {
        }
        """);

    [Fact]
    public Task Class_without_the_attribute_is_ignored() => Verify.Analyzer("""
        public class Plain
        {
            public string Url { get; set; } = "{inputs.nope}";
        }
        """);
}
