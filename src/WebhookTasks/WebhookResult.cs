using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebhookTasks;

/// <summary>The outcome of a webhook call that was answered with a 2xx status.</summary>
public sealed class WebhookResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="responseData">The response body as text.</param>
    /// <param name="url">The rendered URL when the task shows it, else <see langword="null"/>.</param>
    /// <param name="inputData">The data that was sent, as JSON text, when the task shows it, else <see langword="null"/>.</param>
    public WebhookResult(string taskName, int statusCode, string responseData, string? url, string? inputData)
    {
        TaskName = taskName ?? throw new ArgumentNullException(nameof(taskName));
        StatusCode = statusCode;
        ResponseData = responseData ?? throw new ArgumentNullException(nameof(responseData));
        Url = url;
        InputData = inputData;
    }

    /// <summary>The task's name.</summary>
    public string TaskName { get; }

    /// <summary>The HTTP status code, always 2xx.</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text (UTF-8), with the task's secrets masked as <c>***</c> should the receiver echo them.</summary>
    public string ResponseData { get; }

    /// <summary>
    /// When the task has <c>ShowUrl</c>: the URL rendered from the task's URL template, secrets masked.
    /// For GET and DELETE, the query parameters that come from <c>Data</c> are not part of it;
    /// they show in <see cref="InputData"/>, as flytekit reports them.
    /// </summary>
    public string? Url { get; }

    /// <summary>
    /// When the task has <c>ShowData</c>: the JSON body, or for GET and DELETE the query parameters
    /// as a JSON object, secrets masked.
    /// </summary>
    public string? InputData { get; }

    /// <summary>
    /// The result with flytekit's keys: <c>status_code</c>, <c>response_data</c>, and where shown
    /// <c>input_data</c> (as a <see cref="JsonElement"/>) and <c>url</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object?> ToDictionary()
    {
        var result = new Dictionary<string, object?>
        {
            ["status_code"] = StatusCode,
            ["response_data"] = ResponseData,
        };
        if (InputData is not null)
        {
            using var document = JsonDocument.Parse(InputData);
            result["input_data"] = document.RootElement.Clone();
        }

        if (Url is not null)
        {
            result["url"] = Url;
        }

        return result;
    }

    /// <summary>The result as one line of JSON with flytekit's keys, in the order of <see cref="ToDictionary"/>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status_code", StatusCode);
            writer.WriteString("response_data", ResponseData);
            if (InputData is not null)
            {
                writer.WritePropertyName("input_data");
                using var document = JsonDocument.Parse(InputData);
                document.RootElement.WriteTo(writer);
            }

            if (Url is not null)
            {
                writer.WriteString("url", Url);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
