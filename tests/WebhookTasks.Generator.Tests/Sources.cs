namespace WebhookTasks.Generator.Tests;

/// <summary>Representative task declarations, shared by the golden-file and compilation tests.</summary>
internal static class Sources
{
    public const string FlytekitExample = """
        using WebhookTasks;

        namespace Flyte.Example;

        [WebhookTask("simple-get", Url = "http://localhost:8000/", Method = WebhookMethod.Get)]
        [Header("Content-Type", "application/json")]
        public partial class SimpleGet
        {
        }

        [WebhookTask("get-with-params",
            Url = "http://localhost:8000/items/{inputs.item_id}",
            Method = WebhookMethod.Get,
            Data = "{ \"q\": \"{inputs.s}\" }",
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
            Data = "{ \"text\": \"{inputs.s}\" }",
            ShowData = true,
            ShowUrl = true,
            Description = "Test Webhook Task")]
        public partial class InvokeSlack
        {
            public string S { get; init; } = "";
        }
        """;

    public const string ValueKinds = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.Serialization;
        using WebhookTasks;

        namespace Shapes;

        public enum Severity { Low, [EnumMember(Value = "very-high")] High }

        public enum Color { Red, Green }

        public sealed record Customer(string Name, Address? Address);

        public sealed record Address(string City, int? Zip);

        [WebhookTask("all-kinds",
            Url = "https://api.example.com/v1/{inputs.tenant}/events?since={inputs.since:yyyy-MM-dd}&tag={inputs.tags}&flag={inputs.flag}",
            Method = WebhookMethod.Put,
            Data = "{ \"text\": \"{{Order}} {inputs.text} for {inputs.customer.Name} in {inputs.customer.Address.City}\", \"count\": \"{inputs.count}\", \"maybe\": \"{inputs.maybe}\", \"enabled\": \"{inputs.enabled}\", \"optionalFlag\": \"{inputs.flag}\", \"amount\": \"{inputs.amount:F2}\", \"ratio\": \"{inputs.ratio}\", \"since\": \"{inputs.since}\", \"at\": \"{inputs.at}\", \"id\": \"{inputs.id}\", \"severity\": \"{inputs.severity}\", \"color\": \"{inputs.color}\", \"link\": \"{inputs.link}\", \"tags\": \"{inputs.tags}\", \"scores\": \"{inputs.scores}\", \"customer\": \"{inputs.customer}\", \"zip\": \"{inputs.customer.Address.Zip}\", \"fixed\": [1, 2.5, true, null, \"x\"], \"nested\": { \"{inputs.text}\": 0 } }")]
        [Header("X-Tenant", "{inputs.tenant}")]
        [Header("X-Trace", "trace-{inputs.id}")]
        public partial class AllKinds
        {
            public string Tenant { get; init; } = "";
            public string Text { get; init; } = "";
            public int Count { get; init; }
            public long? Maybe { get; init; }
            public bool Enabled { get; init; }
            public bool? Flag { get; init; }
            public decimal Amount { get; init; }
            public double Ratio { get; init; }
            public DateTime Since { get; init; }
            public DateTimeOffset? At { get; init; }
            public Guid Id { get; init; }
            public Severity Severity { get; init; }
            public Color? Color { get; init; }
            public Uri? Link { get; init; }
            public string[] Tags { get; init; } = Array.Empty<string>();
            public List<int>? Scores { get; init; }
            public Customer? Customer { get; init; }
        }
        """;

    public const string SecretsAndHosts = """
        using WebhookTasks;

        [WebhookTask("invoke-slack", Url = "{secrets.slack_url}", Data = "{ \"text\": \"{inputs.message}\" }")]
        [Secret("slack_url")]
        public partial class SlackFromSecret
        {
            public string Message { get; set; } = "";
        }

        public static partial class Outer
        {
            public partial class Inner
            {
                [WebhookTask(Url = "https://{inputs.region}.api.example.com:8443/{inputs.class}/x", Method = WebhookMethod.Delete, Data = "{ \"ids\": [\"{inputs.client}\", 3], \"all\": \"{inputs.ids}\" }")]
                [Header("Authorization", "Bearer {secrets.token}")]
                [Secret("token")]
                public partial record @event
                {
                    public string Region { get; init; } = "eu";
                    public string @class { get; init; } = "";
                    public string Client { get; init; } = "";
                    public int[] Ids { get; init; } = new int[0];
                }
            }
        }
        """;

    public const string BrokenTemplate = """
        using WebhookTasks;

        namespace Broken;

        [WebhookTask("broken", Url = "https://example.com/{inputs.missing}")]
        public partial class Broken
        {
            public string Present { get; set; } = "";
        }
        """;
}
