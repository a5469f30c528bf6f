using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace WebhookTasks.Reliability.Tests;

/// <summary>
/// Random input values through tasks compiled by the generator: the URL that is sent parses back to exactly the
/// values given, and the body is valid JSON that parses back to them. <c>Render()</c> for the bulk, a real
/// Kestrel receiver for a bounded sample.
/// </summary>
public sealed class RoundTripProperties
{
    private const int RenderIterations = 2_000;
    private const int ReceiverIterations = 40;

    private static readonly WebhookClient RenderClient = new(new HttpClient());

    [Fact]
    public void Url_path_segments_and_query_values_parse_back_to_the_values_given()
    {
        RoundTrip.UrlTasks.Sample(task =>
        {
            if (RoundTrip.IsDotSegment(task.First))
            {
                var refused = Assert.Throws<ArgumentException>(() => task.Render(RenderClient));
                Assert.Equal("First", refused.ParamName);
                return;
            }

            RoundTrip.AssertUrl(task, RoundTrip.TargetOf(task.Render(RenderClient).Url));
        }, iter: RenderIterations, print: RoundTrip.Show);
    }

    [Fact]
    public void Get_data_query_values_parse_back_to_the_values_given()
    {
        RoundTrip.GetDataTasks.Sample(task =>
        {
            var request = task.Render(RenderClient);
            Assert.Null(request.Body);
            RoundTrip.AssertGetData(task, RoundTrip.TargetOf(request.Url));
        }, iter: RenderIterations, print: RoundTrip.Show);
    }

    [Fact]
    public void Body_is_valid_json_that_parses_back_to_the_values_given()
    {
        RoundTrip.BodyTasks.Sample(task =>
        {
            if (RoundTrip.IsDotSegment(task.First))
            {
                Assert.Throws<ArgumentException>(() => task.Render(RenderClient));
                return;
            }

            var request = task.Render(RenderClient);
            RoundTrip.AssertBody(task, RoundTrip.TargetOf(request.Url), request.BodyUtf8);
        }, iter: RenderIterations, print: RoundTrip.Show);
    }

    [Fact]
    public void Value_followed_by_literal_text_in_a_segment_renders_or_is_refused_as_a_dot_segment()
    {
        Gen.OneOf("", ".", "a", "..", "%", "\uD800").Array[0, 2].Select(string.Concat).Sample(value =>
        {
            var task = new SegmentSuffixTask { V = value };
            if (Gens.AsSent(value) + "." is "." or "..")
            {
                Assert.Equal("V", Assert.Throws<ArgumentException>(() => task.Render(RenderClient)).ParamName);
                return;
            }

            var (segments, _) = RoundTrip.Decode(RoundTrip.TargetOf(task.Render(RenderClient).Url));
            Assert.Equal(new[] { "", Gens.AsSent(value) + ".", "end" }, segments);
        }, iter: 200);
    }

    [Fact]
    public async Task Values_received_by_a_real_server_parse_back_to_the_values_given()
    {
        await using var server = await LoopbackServer.StartAsync(EchoAsync);
        using var httpClient = WebhookClient.CreateDefaultHttpClient();
        var client = new WebhookClient(httpClient, new WebhookClientOptions { Origin = server.Origin });

        await RoundTrip.UrlTasksForServers.Where(task => !RoundTrip.IsDotSegment(task.First)).SampleAsync(async task =>
        {
            var (target, body) = RoundTrip.ReadEcho((await task.InvokeAsync(client)).ResponseData);
            RoundTrip.AssertUrl(task, target);
            Assert.Empty(body);
        }, iter: ReceiverIterations, print: RoundTrip.Show);

        await RoundTrip.GetDataTasks.SampleAsync(async task =>
        {
            var (target, _) = RoundTrip.ReadEcho((await task.InvokeAsync(client)).ResponseData);
            RoundTrip.AssertGetData(task, target);
        }, iter: ReceiverIterations, print: RoundTrip.Show);

        await RoundTrip.BodyTasksForServers.Where(task => !RoundTrip.IsDotSegment(task.First)).SampleAsync(async task =>
        {
            var (target, body) = RoundTrip.ReadEcho((await task.InvokeAsync(client)).ResponseData);
            RoundTrip.AssertBody(task, target, body);
        }, iter: ReceiverIterations, print: RoundTrip.Show);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(RoundTrip.Echo(target, body.ToArray()), context.RequestAborted);
    }
}
