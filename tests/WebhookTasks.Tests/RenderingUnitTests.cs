using System;
using System.Globalization;
using WebhookTasks.Rendering;
using Xunit;

namespace WebhookTasks.Tests;

public sealed class UrlEncodingTests
{
    [Fact]
    public void UnreservedCharactersAreKept()
    {
        const string unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

        Assert.Same(unreserved, UrlEncoding.Encode(unreserved));
    }

    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("/?#[]@!$&'()*+,;=%", "%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25")]
    [InlineData("\u00FF", "%C3%BF")]
    [InlineData("é", "%C3%A9")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("a b", "a%20b")]
    public void ReservedAndNonAsciiCharactersBecomeUppercaseUtf8PercentEscapes(string value, string encoded)
    {
        Assert.Equal(encoded, UrlEncoding.Encode(value));
    }

    [Fact]
    public void LoneHighSurrogateIsEncodedAsReplacementCharacter()
    {
        Assert.Equal("a%EF%BF%BDb", UrlEncoding.Encode("a\uD83Db"));
    }

    [Fact]
    public void LoneLowSurrogateIsEncodedAsReplacementCharacter()
    {
        Assert.Equal("%EF%BF%BD", UrlEncoding.Encode("\uDE00"));
    }

    [Fact]
    public void HighSurrogateAtEndIsEncodedAsReplacementCharacter()
    {
        Assert.Equal("x%EF%BF%BD", UrlEncoding.Encode("x\uD83D"));
    }
}

public sealed class WebhookTextTests
{
    [Fact]
    public void BooleansAreLowercase()
    {
        Assert.Equal("true", WebhookText.Format(true));
        Assert.Equal("false", WebhookText.Format(false));
        Assert.Null(WebhookText.Format((bool?)null));
    }

    [Fact]
    public void DateTimeIsRoundTripIso8601()
    {
        Assert.Equal("2024-03-05T14:07:09.1230000Z", WebhookText.Format(new DateTime(2024, 3, 5, 14, 7, 9, 123, DateTimeKind.Utc)));
    }

    [Fact]
    public void DateTimeOffsetIsRoundTripIso8601WithOffset()
    {
        Assert.Equal("2024-03-05T14:07:09.0000000+02:00", WebhookText.Format(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void LoneSurrogatesBecomeReplacementCharacters()
    {
        Assert.Equal("a\uFFFDb\uFFFD", WebhookText.Format("a\uDC00b\uD800"));
    }

    [Fact]
    public void SurrogatePairsAreKept()
    {
        const string text = "a😀b";

        Assert.Equal(text, WebhookText.Format(text));
    }

    [Fact]
    public void LoneSurrogateCharIsReplacementCharacter()
    {
        Assert.Equal("\uFFFD", WebhookText.Format('\uD800'));
    }

    [Fact]
    public void NumbersUseInvariantCultureEvenUnderAnotherCurrentCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1234.5", WebhookText.Format(1234.5m));
            Assert.Equal("1234.50", WebhookText.Format(1234.5m, "F2"));
            Assert.Equal("2024/03/05", WebhookText.Format(new DateTime(2024, 3, 5), "yyyy/MM/dd"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
