using System.Linq;
using WebhookTasks.Templates;

namespace WebhookTasks.Generator.Tests;

/// <summary>A URL template is cut into origin, path and query, which decide how each value is encoded.</summary>
public sealed class UrlTemplateTests
{
    [Fact]
    public void A_literal_origin_path_and_query_are_split()
    {
        var url = UrlTemplate.Parse("http://localhost:8000/items/{inputs.item_id}?a=1&b={inputs.s}");

        Assert.True(url.IsValid);
        Assert.Equal(("http", "localhost", ":8000"), (url.Scheme, url.Host.Single().Literal, url.Port));
        Assert.Equal("/items/", url.Path[0].Literal);
        Assert.Equal("item_id", url.Path[1].Placeholder!.Name);
        Assert.Equal(2, url.Query.Count);
        Assert.Equal("b", url.Query[1].Name.Single().Literal);
        Assert.Equal("s", url.Query[1].Value!.Single().Placeholder!.Name);
    }

    [Fact]
    public void A_single_placeholder_is_the_whole_url()
    {
        var url = UrlTemplate.Parse("{secrets.slack_url}");

        Assert.Equal("slack_url", url.Whole!.Name);
    }

    [Fact]
    public void A_placeholder_in_the_host_keeps_the_literal_port()
    {
        var url = UrlTemplate.Parse("https://{inputs.region}.example.com:8443/x");

        Assert.True(url.IsValid);
        Assert.False(url.HasLiteralHost);
        Assert.Equal(":8443", url.Port);
        Assert.Equal(".example.com", url.Host[1].Literal);
    }

    [Fact]
    public void Characters_not_allowed_in_a_path_are_percent_encoded_at_compile_time()
    {
        var url = UrlTemplate.Parse("https://example.com/a b/é");

        Assert.Equal("/a%20b/%C3%A9", url.Path.Single().Literal);
    }

    [Fact]
    public void A_fragment_is_dropped_and_reported()
    {
        var url = UrlTemplate.Parse("https://example.com/a#top");

        Assert.Equal("/a", url.Path.Single().Literal);
        Assert.Equal((TemplateErrorKind.UrlFragment, 21, 4), (url.Fragment!.Kind, url.Fragment.Start, url.Fragment.Length));
    }

    [Theory]
    [InlineData("example.com/x", nameof(TemplateErrorKind.UrlNotAbsolute))]
    [InlineData("ftp://example.com/x", nameof(TemplateErrorKind.UrlNotAbsolute))]
    [InlineData("{inputs.scheme}://example.com/x", nameof(TemplateErrorKind.UrlPlaceholderInScheme))]
    [InlineData("https://example.com:99999/x", nameof(TemplateErrorKind.UrlInvalidPort))]
    [InlineData("https://example.com:{inputs.port}/x", nameof(TemplateErrorKind.UrlInvalidPort))]
    [InlineData("https://user:pw@example.com/x", nameof(TemplateErrorKind.UrlUserInfo))]
    [InlineData("https:///x", nameof(TemplateErrorKind.UrlInvalidHost))]
    [InlineData("https://example.com/a%zz", nameof(TemplateErrorKind.UrlInvalidPercentEncoding))]
    public void Structural_errors_are_reported(string text, string kind)
    {
        var url = UrlTemplate.Parse(text);

        Assert.False(url.IsValid);
        Assert.Equal(kind, url.Errors.First().Kind.ToString());
    }

    [Fact]
    public void Valid_percent_escapes_and_emoji_in_literal_text_are_kept_as_one_character()
    {
        var url = UrlTemplate.Parse("https://example.com/a%20b/\U0001F600");

        Assert.Equal("/a%20b/%F0%9F%98%80", url.Path.Single().Literal);
    }

    [Fact]
    public void An_invalid_port_is_located_on_the_port()
    {
        const string text = "https://example.com:99999/x";

        var error = UrlTemplate.Parse(text).Errors.Single();

        Assert.Equal(":99999", text.Substring(error.Start, error.Length));
    }

    [Fact]
    public void An_invalid_host_is_located_on_the_host_as_written()
    {
        const string text = "https://{inputs.region}.exa!mple.com/x";

        var error = UrlTemplate.Parse(text).Errors.Single();

        Assert.Equal(".exa!mple.com", text.Substring(error.Start, error.Length));
    }

    [Fact]
    public void User_information_is_one_error_and_the_host_after_it_is_still_read()
    {
        var url = UrlTemplate.Parse("https://user:pw@example.com/x");

        Assert.Equal(TemplateErrorKind.UrlUserInfo, url.Errors.Single().Kind);
        Assert.Equal("example.com", url.Host.Single().Literal);
    }
}
