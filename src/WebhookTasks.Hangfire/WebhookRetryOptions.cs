using System;
using System.Collections.Generic;

namespace WebhookTasks.Hangfire;

/// <summary>
/// How webhook jobs retry failures that may pass (5xx, 408, 429, timeouts, network errors): how many times, how
/// long to wait before each retry, and how far a receiver's <c>Retry-After</c> header may lengthen that wait. Set with <see cref="WebhookTasksHangfireExtensions.UseWebhookTasks"/>.
/// </summary>
public sealed class WebhookRetryOptions
{
    private int _attempts = DefaultAttempts;
    private double _jitter = DefaultJitter;
    private TimeSpan _maxRetryAfter = DefaultMaxRetryAfter;

    /// <summary>The default of <see cref="Attempts"/>: 10.</summary>
    public const int DefaultAttempts = 10;

    /// <summary>The default of <see cref="Jitter"/>: 0.1, so each delay is within 10 % of its nominal value.</summary>
    public const double DefaultJitter = 0.1;

    /// <summary>The default of <see cref="MaxRetryAfter"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromHours(1);

    /// <summary>The default of <see cref="Delays"/>: 10 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h and 8 h (about 16 hours in all).</summary>
    public static IReadOnlyList<TimeSpan> DefaultDelays { get; } = Array.AsReadOnly(new[]
    {
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(4),
        TimeSpan.FromHours(8),
    });

    /// <summary>Creates options with the defaults.</summary>
    public WebhookRetryOptions()
    {
        Delays = new List<TimeSpan>(DefaultDelays);
    }

    /// <summary>How many retries follow the first run, at most; 0 for none. A job is run at most <c>Attempts + 1</c> times.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Attempts
    {
        get => _attempts;
        set => _attempts = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Attempts may not be negative.");
    }

    /// <summary>
    /// The wait before each retry: the first entry before the first retry, and so on; the last entry repeats for
    /// retries beyond the list. Must not be empty when <see cref="Attempts"/> is above 0, and no entry may be negative.
    /// </summary>
    public IList<TimeSpan> Delays { get; }

    /// <summary>
    /// How far each wait may stray from its entry in <see cref="Delays"/>, as a fraction either way (0.1: from 90 % to
    /// 110 %), so that jobs that failed together do not all retry at the same moment. From 0 (exact) up to, not including, 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 0, 1 or more, or not a number.</exception>
    public double Jitter
    {
        get => _jitter;
        set => _jitter = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Jitter must be from 0 up to, not including, 1.");
    }

    /// <summary>
    /// Whether a receiver's <c>Retry-After</c> header (<see cref="WebhookFailedException.RetryAfter"/>) may lengthen
    /// the wait before a retry: the retry then waits the longer of the schedule's delay and <c>Retry-After</c>, the
    /// latter capped at <see cref="MaxRetryAfter"/>. It never shortens the wait. <see langword="true"/> by default.
    /// </summary>
    public bool HonorRetryAfter { get; set; } = true;

    /// <summary>
    /// The longest wait a <c>Retry-After</c> header can ask for: a longer one waits this long. 1 hour by default;
    /// <see cref="TimeSpan.Zero"/> lets no <c>Retry-After</c> lengthen the schedule's delay.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MaxRetryAfter
    {
        get => _maxRetryAfter;
        set => _maxRetryAfter = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetryAfter may not be negative.");
    }

    /// <summary>The nominal wait before a retry, before jitter: its entry in <see cref="Delays"/>, or the last one beyond them.</summary>
    /// <param name="retry">Which retry, from 1.</param>
    /// <returns>The wait.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retry"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Delays"/> is empty.</exception>
    public TimeSpan NominalDelay(int retry)
    {
        if (retry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry, "Retries are counted from 1.");
        }

        if (Delays.Count == 0)
        {
            throw new InvalidOperationException("WebhookRetryOptions.Delays is empty.");
        }

        return Delays[Math.Min(retry, Delays.Count) - 1];
    }

    /// <summary>The wait before a retry with jitter applied: <see cref="NominalDelay"/> times a random factor within <see cref="Jitter"/> of 1.</summary>
    /// <param name="retry">Which retry, from 1.</param>
    /// <returns>The wait, never negative.</returns>
    public TimeSpan Delay(int retry)
    {
        var nominal = NominalDelay(retry);
        if (_jitter == 0 || nominal <= TimeSpan.Zero)
        {
            return nominal;
        }

        var factor = 1 + ((Random.Shared.NextDouble() * 2) - 1) * _jitter;
        return TimeSpan.FromTicks((long)(nominal.Ticks * factor));
    }

    /// <summary>
    /// The wait before a retry of a failure whose response asked for <paramref name="retryAfter"/>: the longer of
    /// <see cref="Delay(int)"/> and <paramref name="retryAfter"/> capped at <see cref="MaxRetryAfter"/>; just
    /// <see cref="Delay(int)"/> when <paramref name="retryAfter"/> is <see langword="null"/> or <see cref="HonorRetryAfter"/> is off.
    /// </summary>
    /// <param name="retry">Which retry, from 1.</param>
    /// <param name="retryAfter">What the response's <c>Retry-After</c> header asked for, if anything.</param>
    /// <returns>The wait, never negative.</returns>
    public TimeSpan Delay(int retry, TimeSpan? retryAfter) => Decide(retry, retryAfter).Delay;

    /// <summary>As <see cref="Delay(int, TimeSpan?)"/>, and whether <c>Retry-After</c> set the wait (rather than the schedule).</summary>
    internal (TimeSpan Delay, bool FromRetryAfter) Decide(int retry, TimeSpan? retryAfter)
    {
        var scheduled = Delay(retry);
        if (!HonorRetryAfter || retryAfter is not { } asked)
        {
            return (scheduled, false);
        }

        var capped = asked < _maxRetryAfter ? asked : _maxRetryAfter;
        return capped > scheduled ? (capped, true) : (scheduled, false);
    }

    /// <summary>The options in force: what the last <see cref="WebhookTasksHangfireExtensions.UseWebhookTasks"/> set, else the defaults.</summary>
    internal static WebhookRetryOptions Current { get; private set; } = new();

    internal static void SetCurrent(WebhookRetryOptions options) => Current = options;

    /// <summary>Checks the options and returns a copy that later changes to this instance do not affect.</summary>
    internal WebhookRetryOptions Freeze()
    {
        if (_attempts > 0 && Delays.Count == 0)
        {
            throw new ArgumentException("WebhookRetryOptions.Delays must not be empty when Attempts is above 0.", "configure");
        }

        var copy = new WebhookRetryOptions
        {
            Attempts = _attempts,
            Jitter = _jitter,
            HonorRetryAfter = HonorRetryAfter,
            MaxRetryAfter = _maxRetryAfter,
        };
        copy.Delays.Clear();
        foreach (var delay in Delays)
        {
            if (delay < TimeSpan.Zero)
            {
                throw new ArgumentException($"WebhookRetryOptions.Delays may not hold a negative wait ({delay}).", "configure");
            }

            copy.Delays.Add(delay);
        }

        return copy;
    }
}
