using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WebhookTasks.Reliability.Tests;

/// <summary>How the fault server answers one call, chosen by the first path segment.</summary>
internal enum Fault
{
    /// <summary>200 with a short body.</summary>
    Ok,

    /// <summary>201 with a short body.</summary>
    Created,

    /// <summary>204, no body.</summary>
    NoContent,

    /// <summary>500 with a short body.</summary>
    ServerError,

    /// <summary>503 with a short body.</summary>
    Unavailable,

    /// <summary>Answers after 1.5 s, past the task's 1 s timeout.</summary>
    Slow,

    /// <summary>Drops the connection before any response.</summary>
    Drop,

    /// <summary>Sends the status line, headers and part of a chunked body, then resets the connection while the client reads it.</summary>
    ResetMidBody,

    /// <summary>Declares a Content-Length larger than what it sends, then aborts while the client reads the body.</summary>
    Truncated,

    /// <summary>Declares a body over the client's cap in Content-Length.</summary>
    TooLargeDeclared,

    /// <summary>Streams a chunked body over the client's cap.</summary>
    TooLargeStreamed,
}

/// <summary>The handler of the load test's server: it answers each call with the fault its path names.</summary>
internal static class FaultServer
{
    /// <summary>The client's response cap in the load test.</summary>
    public const int MaxResponseBytes = 16 * 1024;

    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(1.5);

    private static readonly byte[] Small = "{\"ok\":true}"u8.ToArray();
    private static readonly byte[] Large = new byte[MaxResponseBytes * 4];

    /// <summary>How many of every 100 calls get each fault: mostly 2xx, every fault well represented, few slow ones.</summary>
    public static readonly IReadOnlyDictionary<Fault, int> PerHundred = new Dictionary<Fault, int>
    {
        [Fault.Ok] = 52,
        [Fault.Created] = 5,
        [Fault.NoContent] = 5,
        [Fault.ServerError] = 8,
        [Fault.Unavailable] = 4,
        [Fault.Slow] = 1,
        [Fault.Drop] = 5,
        [Fault.ResetMidBody] = 7,
        [Fault.Truncated] = 7,
        [Fault.TooLargeDeclared] = 3,
        [Fault.TooLargeStreamed] = 3,
    };

    /// <summary>The faults of 100 consecutive calls, shuffled with a fixed seed so that kinds interleave.</summary>
    public static Fault[] Schedule()
    {
        var schedule = PerHundred.SelectMany(pair => Enumerable.Repeat(pair.Key, pair.Value)).ToArray();
        new Random(20261203).Shuffle(schedule);
        return schedule;
    }

    /// <summary>
    /// Aborts the connection a moment after the flushed part has gone out. An abort right after the flush resets the
    /// connection before the client has read the headers (the client's kernel drops unread data on a reset), which only
    /// repeats <see cref="Fault.Drop"/>; the pause lets the reset land while the client reads the body.
    /// </summary>
    private static async Task AbortAfterClientReadAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    public static async Task HandleAsync(HttpContext context)
    {
        var segment = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var fault = Enum.Parse<Fault>(segment);
        var response = context.Response;
        var aborted = context.RequestAborted;
        switch (fault)
        {
            case Fault.Ok:
            case Fault.Created:
                response.StatusCode = fault == Fault.Ok ? 200 : 201;
                response.ContentLength = Small.Length;
                await response.Body.WriteAsync(Small, aborted);
                return;
            case Fault.NoContent:
                response.StatusCode = 204;
                return;
            case Fault.ServerError:
            case Fault.Unavailable:
                response.StatusCode = fault == Fault.ServerError ? 500 : 503;
                await response.WriteAsync("boom", aborted);
                return;
            case Fault.Slow:
                try
                {
                    await Task.Delay(SlowAnswer, aborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await response.WriteAsync("late", aborted);
                return;
            case Fault.Drop:
                context.Abort();
                return;
            case Fault.ResetMidBody:
                await response.Body.WriteAsync(Small, aborted);
                await response.Body.FlushAsync(aborted);
                await AbortAfterClientReadAsync(context);
                return;
            case Fault.Truncated:
                response.ContentLength = 1000;
                await response.Body.WriteAsync(Small, aborted);
                await response.Body.FlushAsync(aborted);
                await AbortAfterClientReadAsync(context);
                return;
            case Fault.TooLargeDeclared:
                response.ContentLength = Large.Length;
                await response.Body.WriteAsync(Large, aborted);
                return;
            case Fault.TooLargeStreamed:
                for (var offset = 0; offset < Large.Length; offset += 4096)
                {
                    await response.Body.WriteAsync(Large.AsMemory(offset, 4096), aborted);
                    await response.Body.FlushAsync(aborted);
                }

                return;
        }
    }
}
