using Xunit;

namespace WebhookTasks.Extensions.Tests;

public sealed class ConfigurationSecretProviderTests
{
    [Fact]
    public void ReadsTheSecretUnderWebhookTasksSecretsByDefault()
    {
        var provider = new ConfigurationSecretProvider(Container.Configuration(("WebhookTasks:Secrets:slack_url", "https://hooks.example.com/a")));

        Assert.Equal("https://hooks.example.com/a", provider.GetSecret("slack_url"));
    }

    [Fact]
    public void ReadsTheSecretUnderTheSectionItIsGiven()
    {
        var provider = new ConfigurationSecretProvider(
            Container.Configuration(("Webhooks:Keys:slack_url", "from-keys"), ("WebhookTasks:Secrets:slack_url", "from-default")),
            "Webhooks:Keys");

        Assert.Equal("from-keys", provider.GetSecret("slack_url"));
        Assert.Equal("configuration key Webhooks:Keys:slack_url, which the environment variable Webhooks__Keys__slack_url can set", provider.DescribeLookup("slack_url"));
    }

    [Fact]
    public void EmptyValueCountsAsMissing()
    {
        var provider = new ConfigurationSecretProvider(Container.Configuration(("WebhookTasks:Secrets:slack_url", "")));

        Assert.Null(provider.GetSecret("slack_url"));
    }

    [Fact]
    public void ChangedValueIsReadAtTheNextLookup()
    {
        var configuration = Container.Configuration(("WebhookTasks:Secrets:slack_url", "old"));
        var provider = new ConfigurationSecretProvider(configuration);

        configuration["WebhookTasks:Secrets:slack_url"] = "rotated";

        Assert.Equal("rotated", provider.GetSecret("slack_url"));
    }
}
