using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using WebhookTasks;
using WebhookTasks.Sample;

// flytekit's WebhookTask example workflow, run through generated code:
//   v = hello(s); return simple_get(), get_with_params(s=v, item_id=10), invoke_slack(s=v)
// Every task is pointed at a receiver by the client's origin override: the embedded one unless --origin is given.

var options = SampleOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: WebhookTasks.Sample [--origin http://host:port] [--s TEXT] [--item-id N]");
    return 2;
}

await using var receiver = options.Origin is null ? await Receiver.StartAsync() : null;
var origin = options.Origin ?? receiver!.Origin;

// invoke-slack's URL is a secret. Set WEBHOOKTASKS_SECRET_SLACK_URL to use a real one; otherwise the sample
// sets it to a Slack-shaped URL on the receiver. Either way the origin override sends it to the receiver.
var secrets = new Dictionary<string, string>
{
    ["slack_url"] = EnvironmentSecretProvider.Instance.GetSecret("slack_url")
                    ?? new Uri(origin, "/services/test/test/test").ToString(),
};
var client = new WebhookClient(
    WebhookClient.CreateDefaultHttpClient(),
    new WebhookClientOptions { Origin = origin, SecretProvider = new DictionarySecretProvider(secrets) });

Console.WriteLine($"# receiver: {origin.GetLeftPart(UriPartial.Authority)}{(receiver is null ? "" : " (embedded)")}");
var v = Hello(options.S);
Console.WriteLine($"# hello(s={options.S}) -> {v}");

try
{
    Report(await new SimpleGet().InvokeAsync(client));
    Report(await GetWithParams.InvokeAsync(s: v, itemId: options.ItemId, client: client));
    Report(await InvokeSlack.InvokeAsync(s: v, client: client));
}
catch (Exception exception) when (exception is WebhookException or TimeoutException or System.Net.Http.HttpRequestException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

return 0;

static string Hello(string s) => "Hello " + s;

void Report(WebhookResult result)
{
    Console.WriteLine(result.ToJson());
    if (receiver is not null && receiver.Requests.TryDequeue(out var request))
    {
        Console.WriteLine($"#   {result.TaskName} sent {request.Method} {request.Target}{(request.Body.Length == 0 ? "" : " with body " + request.Body)}");
    }
}

/// <summary>The sample's command line.</summary>
internal sealed record SampleOptions(Uri? Origin, string S, int ItemId)
{
    public static SampleOptions? Parse(string[] args)
    {
        Uri? origin = null;
        var s = "world";
        var itemId = 10;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--origin" when value is not null && Uri.TryCreate(value, UriKind.Absolute, out var parsed):
                    origin = parsed;
                    break;
                case "--s" when value is not null:
                    s = value;
                    break;
                case "--item-id" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedId):
                    itemId = parsedId;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return new SampleOptions(origin, s, itemId);
    }
}
