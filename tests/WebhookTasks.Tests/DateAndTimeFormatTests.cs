using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WebhookTasks.Tests;

/// <summary>
/// <c>DateOnly</c> and <c>TimeOnly</c> render as System.Text.Json writes them (<c>2024-02-29</c>,
/// <c>13:45:30</c>, <c>09:05:07.2500000</c>) in every place a template can put them, whatever the culture.
/// </summary>
public sealed class DateAndTimeFormatTests
{
    private static readonly DateOnly Day = new(2024, 2, 29);
    private static readonly DateOnly OtherDay = new(2024, 3, 1);
    private static readonly TimeOnly Time = new(13, 45, 30);
    private static readonly TimeOnly FractionalTime = new(9, 5, 7, 250);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Whole_value_dates_and_times_are_sent_as_their_System_Text_Json_form()
    {
        await using var receiver = await Receiver.StartAsync();
        DateOnly[] days = [Day, new DateOnly(12, 1, 2)];

        await new DatesJsonTask { D = Day, T = Time, Nd = OtherDay, Nt = FractionalTime, Days = days }.InvokeAsync(receiver.Client(), Ct);

        var body = receiver.Single().BodyText;
        Assert.Equal("""{"d":"2024-02-29","t":"13:45:30","nd":"2024-03-01","nt":"09:05:07.2500000","days":["2024-02-29","0012-01-02"]}""", body);
        Assert.Equal(JsonSerializer.Serialize(new { d = Day, t = Time, nd = (DateOnly?)OtherDay, nt = (TimeOnly?)FractionalTime, days }), body);
    }

    [Fact]
    public async Task Null_whole_value_dates_and_times_are_sent_as_json_null()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DatesJsonTask { D = Day, T = Time }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("""{"d":"2024-02-29","t":"13:45:30","nd":null,"nt":null,"days":null}""", receiver.Single().BodyText);
    }

    [Fact]
    public async Task Dates_and_times_inside_longer_json_text_use_the_same_form()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DatesTextTask { D = Day, T = Time, Nd = OtherDay, Nt = FractionalTime }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("""{"text":"on 2024-02-29 at 13:45:30 / 2024-03-01 09:05:07.2500000"}""", receiver.Single().BodyText);
    }

    [Fact]
    public async Task Dates_and_times_in_the_url_path_and_query_use_the_same_form_percent_encoded()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DatesUrlTask { D = Day, T = FractionalTime, Nd = OtherDay, Nt = Time }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal(
            "/days/2024-02-29/09%3A05%3A07.2500000/2024-03-01?d=2024-02-29&t=09%3A05%3A07.2500000&nt=13%3A45%3A30&at=2024-02-29T09%3A05%3A07.2500000",
            receiver.Single().RawTarget);
    }

    [Fact]
    public async Task Dates_and_times_in_get_data_are_sent_as_query_parameters_in_the_same_form()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DatesGetDataTask { D = Day, Nt = FractionalTime }.InvokeAsync(receiver.Client(), Ct);

        Assert.Equal("/days?d=2024-02-29&nt=09%3A05%3A07.2500000", receiver.Single().RawTarget);
    }

    [Fact]
    public async Task Dates_and_times_in_headers_use_the_same_form()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DatesHeaderTask { D = Day, T = Time, Nd = OtherDay, Nt = FractionalTime }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("2024-02-29", request.Header("X-Day"));
        Assert.Equal("13:45:30", request.Header("X-Time"));
        Assert.Equal("2024-03-01", request.Header("X-Maybe-Day"));
        Assert.Equal("09:05:07.2500000", request.Header("X-Maybe-Time"));
        Assert.Equal("2024-02-29T13:45:30", request.Header("X-At"));
    }

    [Fact]
    public async Task An_explicit_format_still_applies_to_dates_and_times()
    {
        await using var receiver = await Receiver.StartAsync();

        await new DatesExplicitFormatTask { D = Day, T = Time, Nd = OtherDay, Nt = Time }.InvokeAsync(receiver.Client(), Ct);

        var request = receiver.Single();
        Assert.Equal("/days/2024%2F02%2F29?t=13.45", request.RawTarget);
        Assert.Equal("""{"d":"29.02.2024","nt":"1 PM"}""", request.BodyText);
        Assert.Equal("20240301", request.Header("X-Day"));
    }
}
