using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using Hangfire;
using Xunit;

namespace WebhookTasks.Hangfire.Tests;

public sealed class RetryOptionsTests
{
    [Fact]
    public void Defaults_are_ten_retries_over_a_webhook_style_schedule()
    {
        var options = new WebhookRetryOptions();

        Assert.Equal(10, options.Attempts);
        Assert.Equal(0.1, options.Jitter);
        Assert.Equal(
            new[] { 10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 28800 }.Select(s => TimeSpan.FromSeconds(s)),
            options.Delays);
    }

    [Fact]
    public void Last_delay_repeats_beyond_the_list()
    {
        var options = new WebhookRetryOptions();
        options.Delays.Clear();
        options.Delays.Add(TimeSpan.FromSeconds(1));
        options.Delays.Add(TimeSpan.FromSeconds(7));

        Assert.Equal(
            new[] { 1, 7, 7, 7 }.Select(s => TimeSpan.FromSeconds(s)),
            Enumerable.Range(1, 4).Select(options.NominalDelay));
    }

    [Fact]
    public void Jitter_keeps_each_delay_within_its_fraction_and_spreads_them()
    {
        var options = new WebhookRetryOptions { Jitter = 0.2 };
        options.Delays.Clear();
        options.Delays.Add(TimeSpan.FromSeconds(100));

        var delays = Enumerable.Range(0, 500).Select(_ => options.Delay(1)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(120)));
        Assert.True(delays.Distinct().Count() > 100);
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(100));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(100));
    }

    [Fact]
    public void No_jitter_gives_the_exact_delay()
    {
        var options = new WebhookRetryOptions { Jitter = 0 };

        Assert.All(Enumerable.Range(1, 12), retry => Assert.Equal(options.NominalDelay(retry), options.Delay(retry)));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Jitter_outside_zero_to_one_is_refused(double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookRetryOptions { Jitter = jitter });
    }

    [Fact]
    public void Negative_attempts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookRetryOptions { Attempts = -1 });
    }

    [Fact]
    public void Configuration_without_delays_is_refused()
    {
        var configuration = GlobalConfiguration.Configuration;

        Assert.Throws<ArgumentException>(() => configuration.UseWebhookTasks(options => options.Delays.Clear()));
    }

    [Fact]
    public void Configuration_with_a_negative_delay_is_refused()
    {
        var configuration = GlobalConfiguration.Configuration;

        Assert.Throws<ArgumentException>(() => configuration.UseWebhookTasks(options => options.Delays.Add(TimeSpan.FromSeconds(-1))));
    }

    [Fact]
    public void Retry_After_is_honoured_up_to_an_hour_by_default()
    {
        var options = new WebhookRetryOptions();

        Assert.True(options.HonorRetryAfter);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxRetryAfter);
        Assert.Equal(WebhookRetryOptions.DefaultMaxRetryAfter, options.MaxRetryAfter);
    }

    [Fact]
    public void Negative_max_retry_after_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(-1) });
    }

    [Fact]
    public void Configuration_with_a_negative_max_retry_after_is_refused()
    {
        var configuration = GlobalConfiguration.Configuration;

        Assert.ThrowsAny<ArgumentException>(() => configuration.UseWebhookTasks(options => options.MaxRetryAfter = TimeSpan.FromMinutes(-1)));
    }

    private static WebhookRetryOptions TenSeconds(Action<WebhookRetryOptions>? change = null)
    {
        var options = new WebhookRetryOptions { Jitter = 0 };
        options.Delays.Clear();
        options.Delays.Add(TimeSpan.FromSeconds(10));
        change?.Invoke(options);
        return options;
    }

    [Fact]
    public void Retry_after_longer_than_the_schedule_is_the_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), TenSeconds().Delay(1, TimeSpan.FromSeconds(120)));
    }

    [Fact]
    public void Retry_after_shorter_than_the_schedule_does_not_shorten_the_wait()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), TenSeconds().Delay(1, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void No_retry_after_gives_the_schedule()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), TenSeconds().Delay(2, null));
    }

    [Fact]
    public void Retry_after_above_the_cap_gives_the_cap()
    {
        Assert.Equal(TimeSpan.FromHours(1), TenSeconds().Delay(1, TimeSpan.FromHours(5)));
    }

    [Fact]
    public void Cap_below_the_schedule_leaves_the_schedule()
    {
        var options = TenSeconds(o => o.MaxRetryAfter = TimeSpan.FromSeconds(4));

        Assert.Equal(TimeSpan.FromSeconds(10), options.Delay(1, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Retry_after_is_ignored_when_not_honoured()
    {
        var options = TenSeconds(o => o.HonorRetryAfter = false);

        Assert.Equal(TimeSpan.FromSeconds(10), options.Delay(1, TimeSpan.FromMinutes(2)));
    }
}

public sealed class RetryClassificationTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new WebhookFailedException("t", 500, ""), true },
        { new WebhookFailedException("t", 502, ""), true },
        { new WebhookFailedException("t", 503, ""), true },
        { new WebhookFailedException("t", 599, ""), true },
        { new WebhookFailedException("t", 408, ""), true },
        { new WebhookFailedException("t", 429, ""), true },
        { new WebhookFailedException("t", 400, ""), false },
        { new WebhookFailedException("t", 401, ""), false },
        { new WebhookFailedException("t", 404, ""), false },
        { new WebhookFailedException("t", 409, ""), false },
        { new WebhookFailedException("t", 301, ""), false },
        { new WebhookFailedException("t", 307, ""), false },
        { new TimeoutException(), true },
        { new HttpRequestException(), true },
        { new IOException(), true },
        { new ArgumentException("refused"), false },
        { new ArgumentNullException("x"), false },
        { new WebhookSecretNotFoundException("t", "s", "nowhere"), false },
        { new WebhookResponseTooLargeException("t", 200, 10), false },
        { new InvalidOperationException("no constructor the activator can use"), true },
        { new ObjectDisposedException("client"), true },
        { new FormatException(), true },
        { new AggregateException(new WebhookFailedException("t", 404, "")), false },
        { new AggregateException(new WebhookFailedException("t", 503, "")), true },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failure_is_retried_only_when_it_may_pass(Exception failure, bool retried)
    {
        Assert.Equal(retried, WebhookJobFilterAttribute.IsRetryable(failure));
    }
}
