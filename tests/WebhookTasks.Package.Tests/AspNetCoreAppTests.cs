using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Package.Tests;

/// <summary>
/// The README's "Using it in an ASP.NET Core app": its Program.cs and appsettings.json (kept in AspNetCoreApp/ and
/// quoted by the README word for word) built from the package into a web app, run, and called over loopback.
/// </summary>
public sealed class AspNetCoreAppTests(PackageFixture package)
{
    public const string ReadmeSection = "## Using it in an ASP.NET Core app";

    private const string SlackUrl = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX";

    private static readonly string[] AppFiles = ["Program.cs", "appsettings.json"];

    private static readonly Regex Listening = new(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    internal static async Task<Consumer> BuildWebAppAsync(PackageFixture package)
    {
        var files = AppFiles.ToDictionary(file => file, file => File.ReadAllText(AppFile(package, file)));
        var app = Consumer.CreateWebApp(package, "aspnetcore", files);
        var build = await app.BuildAsync();
        if (!build.Succeeded)
        {
            throw new InvalidOperationException("The README's ASP.NET Core app did not build from the package. " + build.Describe());
        }

        return app;
    }

    [Fact]
    public async Task WebAppSendsTheTaskToTheOriginFromTheCommandLineWhenItsEndpointIsCalled()
    {
        var app = await package.WebApp;
        await using var receiver = new LoopbackReceiver();
        using var running = StartApp(app, $"--WebhookTasks:Tasks:notify-deploy:Origin={receiver.Origin}");
        var baseUrl = await WaitUntilListeningAsync(running);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(baseUrl + "/deploys/api", null, Cancellation);
        var answer = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.True(response.IsSuccessStatusCode, $"The app answered {(int)response.StatusCode}: {answer}\n{running.Output}");
        Assert.Equal("""{"notified":200}""", answer);
        var sent = Assert.Single(receiver.Requests);
        Assert.Equal(("POST", "/services/T000/B000/XXXXXXXXXXXXXXXX", """{"text":"Deployed api"}"""), (sent.Method, sent.Target, sent.Body));
    }

    [Fact]
    public async Task WebAppLogsTheInvocationWithTheTaskNameAndNeverTheSecretUrl()
    {
        var app = await package.WebApp;
        await using var receiver = new LoopbackReceiver();
        using var running = StartApp(app, $"--WebhookTasks:Tasks:notify-deploy:Origin={receiver.Origin}");
        var baseUrl = await WaitUntilListeningAsync(running);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync(baseUrl + "/deploys/web", null, Cancellation);
        var logged = await running.WaitForOutputAsync(new Regex(@"Webhook notify-deploy \(POST\) answered 200 in [0-9.]+ ms"), TimeSpan.FromSeconds(30), Cancellation);

        Assert.True(logged is not null, "The app logged no WebhookSucceeded entry.\n" + running.Output);
        Assert.DoesNotContain("XXXXXXXXXXXXXXXX", running.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/services/", running.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebAppWithAnInvalidTaskOriginFailsAtStartUpNamingTheKey()
    {
        var app = await package.WebApp;

        var run = await app.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--WebhookTasks:Tasks:notify-deploy:Origin=ftp://hooks.example.com"],
            new Dictionary<string, string> { ["WebhookTasks__Secrets__slack_url"] = SlackUrl },
            Cancellation);

        Assert.False(run.TimedOut, run.Describe());
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("OptionsValidationException", run.Output, StringComparison.Ordinal);
        Assert.Contains("WebhookTasks:Tasks:notify-deploy:Origin must be an absolute http or https URL", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Program.cs", "csharp")]
    [InlineData("appsettings.json", "json")]
    public void ReadmeQuotesTheTestedAppFileWordForWord(string file, string language)
    {
        var readme = File.ReadAllText(Path.Combine(package.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n" + ReadmeSection + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{ReadmeSection}'.");
        var next = readme.IndexOf("\n## ", start + ReadmeSection.Length + 1, StringComparison.Ordinal);
        var section = next < 0 ? readme[start..] : readme[start..next];
        var blocks = Regex.Matches(section, "```" + language + "\n(?<code>.*?)```", RegexOptions.Singleline).Select(match => match.Groups["code"].Value).ToArray();

        var tested = File.ReadAllText(AppFile(package, file)).ReplaceLineEndings("\n");

        Assert.Contains(tested, blocks);
    }

    private static string AppFile(PackageFixture package, string file) =>
        Path.Combine(package.RepositoryRoot, "tests", "WebhookTasks.Package.Tests", "AspNetCoreApp", file);

    private static RunningProcess StartApp(Consumer app, params string[] arguments) =>
        app.Start(
            ["--urls", "http://127.0.0.1:0", .. arguments],
            new Dictionary<string, string> { ["WebhookTasks__Secrets__slack_url"] = SlackUrl });

    private static async Task<string> WaitUntilListeningAsync(RunningProcess running)
    {
        var match = await running.WaitForOutputAsync(Listening, TimeSpan.FromSeconds(60), Cancellation);
        Assert.True(match is not null, "The app did not start listening.\n" + running.Output);
        return match.Groups["url"].Value;
    }
}
