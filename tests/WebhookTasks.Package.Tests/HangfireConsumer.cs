using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace WebhookTasks.Package.Tests;

/// <summary>
/// A consumer of the WebhookTasks.Hangfire package: a net10.0 console program that declares one task, enqueues it
/// on Hangfire.InMemory, runs it with an in-process BackgroundJobServer against the origin given as its argument,
/// and prints the job's final state, its result and the idempotency key it sent.
/// </summary>
public static class HangfireConsumer
{
    public const string PackageId = "WebhookTasks.Hangfire";

    /// <summary>Hangfire.InMemory, the storage the consumer adds itself, as an application would.</summary>
    public const string InMemoryVersion = "1.0.0";

    /// <summary>The line the program prints when the job ends: its id, final state, the idempotency key and the result.</summary>
    public static readonly Regex JobLine = new(
        @"^job (?<id>\S+) (?<state>\S+) key=(?<key>\S*) result=(?<result>.*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public const string Tasks = """"
        using WebhookTasks;

        namespace Shop;

        [WebhookTask("notify-order",
            Url = "http://localhost:8000/orders/{inputs.order_id}/events",
            Data = """{ "note": "{inputs.note}", "order": "{inputs.order_id}" }""",
            ShowData = true)]
        public partial class NotifyOrder
        {
            [Input("order_id")] public int OrderId { get; init; }
            public string Note { get; init; } = "";
        }
        """";

    public const string Program = """
        using System;
        using System.Diagnostics;
        using System.Threading;
        using Hangfire;
        using Hangfire.Common;
        using Hangfire.InMemory;
        using Hangfire.Storage;
        using Shop;
        using WebhookTasks;
        using WebhookTasks.Hangfire;

        // The origin of the receiver, which replaces the task's scheme, host and port.
        var client = new WebhookClient(
            WebhookClient.CreateDefaultHttpClient(),
            new WebhookClientOptions { Origin = new Uri(args[0]) });
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseWebhookTasks()
            .UseActivator(new ClientActivator(client));
        var storage = new InMemoryStorage();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1 }, storage);

        var id = new BackgroundJobClient(storage).EnqueueWebhook(new NotifyOrder { OrderId = 42, Note = "paid" });

        using var connection = storage.GetConnection();
        var clock = Stopwatch.StartNew();
        var state = connection.GetStateData(id);
        while (state?.Name is not ("Succeeded" or "Failed") && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(50);
            state = connection.GetStateData(id);
        }

        var result = state?.Name == "Succeeded"
            ? SerializationHelper.Deserialize<WebhookJobResult>(state.Data["Result"], SerializationOption.User)
            : null;
        var outcome = result is null
            ? (state?.Data.TryGetValue("ExceptionMessage", out var message) == true ? message : state?.Reason) ?? "(none)"
            : result.ToWebhookResult().ToJson();
        Console.Out.Write($"job {id} {state?.Name ?? "(none)"} key={result?.IdempotencyKey} result={outcome}\n");
        return state?.Name == "Succeeded" ? 0 : 1;

        sealed class ClientActivator(WebhookClient client) : JobActivator
        {
            public override object ActivateJob(Type jobType) =>
                jobType == typeof(WebhookJob) ? new WebhookJob(client) : base.ActivateJob(jobType);
        }
        """;

    /// <summary>
    /// Writes the consumer. It references WebhookTasks.Hangfire and Hangfire.InMemory, and WebhookTasks.Generators too
    /// unless <paramref name="referenceGenerators"/> is false, when the runtime and the generator can only come to it
    /// through WebhookTasks.Hangfire's dependency.
    /// </summary>
    public static Consumer Create(PackageFixture package, string name, bool referenceGenerators)
    {
        var consumer = Consumer.Create(package, name, new Dictionary<string, string>
        {
            ["Tasks.cs"] = Tasks,
            ["Program.cs"] = Program,
        });

        // Consumer.Create writes a project that references WebhookTasks.Generators; add (or swap in) the Hangfire packages.
        var projectPath = Path.Combine(consumer.Directory, Consumer.AssemblyName + ".csproj");
        var project = XDocument.Load(projectPath);
        var references = project.Root!.Descendants("PackageReference").First().Parent!;
        if (!referenceGenerators)
        {
            references.Elements("PackageReference").Where(reference => (string?)reference.Attribute("Include") == PackageFixture.PackageId).Remove();
        }

        references.Add(
            new XElement("PackageReference", new XAttribute("Include", PackageId), new XAttribute("Version", package.Version)),
            new XElement("PackageReference", new XAttribute("Include", "Hangfire.InMemory"), new XAttribute("Version", InMemoryVersion)));
        project.Save(projectPath);
        return consumer;
    }

    /// <summary>The README section whose Program.cs <c>HangfireApp/Program.cs</c> is.</summary>
    public const string ReadmeSection = "## Running at scale";

    /// <summary>The packages the README's "Running at scale" adds to its ASP.NET Core app, with the versions that restore here.</summary>
    private static readonly (string Id, string Version)[] ReadmeAppPackages =
    [
        ("Hangfire.AspNetCore", "1.8.25"),
        ("Hangfire.PostgreSql", "1.21.1"),
    ];

    /// <summary>
    /// Writes the README's Hangfire app: the ASP.NET Core app of <see cref="Consumer.CreateWebApp"/> with the packages
    /// "Running at scale" adds, its Program.cs and the task it sends (from <c>HangfireApp/</c>).
    /// </summary>
    public static Consumer CreateReadmeApp(PackageFixture package)
    {
        var folder = Path.Combine(package.RepositoryRoot, "tests", "WebhookTasks.Package.Tests", "HangfireApp");
        var files = new[] { "Program.cs", "Tasks.cs" }.ToDictionary(file => file, file => File.ReadAllText(Path.Combine(folder, file)));
        var app = Consumer.CreateWebApp(package, "hangfire-readme-app", files);

        var projectPath = Path.Combine(app.Directory, Consumer.AssemblyName + ".csproj");
        var project = XDocument.Load(projectPath);
        var references = project.Root!.Descendants("PackageReference").First().Parent!;
        references.Add(new XElement("PackageReference", new XAttribute("Include", PackageId), new XAttribute("Version", package.Version)));
        foreach (var (id, version) in ReadmeAppPackages)
        {
            references.Add(new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version)));
        }

        // Hangfire.PostgreSql asks for Npgsql 6.0.11 or later; where a package source lacks 6.0.11, NuGet takes the
        // next version and warns (NU1603), which is no fault of the README's code.
        project.Root.Descendants("PropertyGroup").First().Add(new XElement("NoWarn", "$(NoWarn);NU1603"));
        project.Save(projectPath);
        return app;
    }

    /// <summary>Packs src/WebhookTasks.Hangfire into the fixture's feed, with the fixture's version, as its pack of the runtime does.</summary>
    public static async Task<string> PackAsync(PackageFixture package)
    {
        var pack = await DotNetCli.RunAsync(package.RepositoryRoot,
        [
            "pack", Path.Combine(package.RepositoryRoot, "src", "WebhookTasks.Hangfire", "WebhookTasks.Hangfire.csproj"),
            "--configuration", "Release",
            "--output", package.Feed,
            "-tl:off",
            "-nodeReuse:false",
            $"-p:Version={package.Version}",
            "-p:UseArtifactsOutput=true",
            $"-p:ArtifactsPath={Path.Combine(package.Root, "artifacts-hangfire")}",
        ]);
        var path = Path.Combine(package.Feed, $"{PackageId}.{package.Version}.nupkg");
        if (!pack.Succeeded || !File.Exists(path))
        {
            throw new InvalidOperationException($"Packing {PackageId} failed or made no {Path.GetFileName(path)}. {pack.Describe()}");
        }

        return path;
    }
}
