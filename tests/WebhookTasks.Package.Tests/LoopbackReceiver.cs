using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookTasks.Package.Tests;

/// <summary>A request as the receiver read it: request line, header lines as sent, body text.</summary>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyList<string> HeaderLines, string Body);

/// <summary>
/// A minimal HTTP/1.1 receiver on 127.0.0.1 and an ephemeral port, for webhooks that a consumer program sends:
/// it reads one request per connection (Content-Length bodies, as HttpClient sends JSON), records it, and answers
/// 200 <c>ok</c> with <c>Connection: close</c>. Small enough to need no web framework in this test project.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Task _accepting;

    public LoopbackReceiver()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Origin => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(connection));
        }
    }

    private async Task AnswerAsync(TcpClient connection)
    {
        using (connection)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var stream = connection.GetStream();
            var head = await ReadHeadAsync(stream, timeout.Token);
            var lines = head.Text.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines[1..];
            var length = 0;
            foreach (var header in headers)
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            head.BodyStart.CopyTo(body, 0);
            for (var read = head.BodyStart.Length; read < length;)
            {
                var n = await stream.ReadAsync(body.AsMemory(read), timeout.Token);
                read += n > 0 ? n : throw new EndOfStreamException("The request body ended early.");
            }

            _requests.Enqueue(new ReceivedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body)));
            var reply = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray();
            await stream.WriteAsync(reply, timeout.Token);
        }
    }

    /// <summary>Reads up to the blank line that ends the headers; returns the head as text and any body bytes read with it.</summary>
    private static async Task<(string Text, byte[] BodyStart)> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken);
            if (n == 0)
            {
                throw new EndOfStreamException("The connection closed before the request's headers ended.");
            }

            buffer.Write(chunk, 0, n);
            var bytes = buffer.ToArray();
            var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(bytes, 0, end), bytes[(end + 4)..]);
            }
        }
    }
}
