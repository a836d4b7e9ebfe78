using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Dashboard.Tests.Infrastructure;

/// <summary>A minimal SignalR JSON-protocol client over TestServer's WebSocket, because the .NET SignalR
/// client package cannot be restored here (shared/PACKAGES.md).</summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket socket;
    private readonly Queue<string> pending = new();
    private int invocationId;

    private RawHubClient(WebSocket socket) => this.socket = socket;

    public static async Task<RawHubClient> ConnectAsync(TestServer server, string path, string cookieHeader, CancellationToken cancellationToken)
    {
        var client = server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = cookieHeader;
        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, path.TrimStart('/')), cancellationToken);
        var hub = new RawHubClient(socket);
        await hub.SendAsync("""{"protocol":"json","version":1}""", cancellationToken);
        var handshake = await hub.ReceiveAsync(cancellationToken);
        if (handshake.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"Handshake refused: {error}");
        }

        return hub;
    }

    /// <summary>Invokes a hub method and returns the error the server answered with, or null on success.</summary>
    public async Task<string?> InvokeAsync(string target, object[] arguments, CancellationToken cancellationToken)
    {
        var id = (++invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }), cancellationToken);
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken);
            if (message.GetProperty("type").GetInt32() == 3 && message.GetProperty("invocationId").GetString() == id)
            {
                return message.TryGetProperty("error", out var error) ? error.GetString() : null;
            }
        }
    }

    /// <summary>The next invocation the server pushes for <paramref name="target"/> (pings are skipped).</summary>
    public async Task<JsonElement> NextPushAsync(string target, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken);
            if (message.GetProperty("type").GetInt32() == 1 && string.Equals(message.GetProperty("target").GetString(), target, StringComparison.OrdinalIgnoreCase))
            {
                return message.GetProperty("arguments")[0];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        socket.Dispose();
    }

    private Task SendAsync(string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (pending.Count == 0)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The hub closed the connection.");
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                foreach (var record in text.ToString().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    pending.Enqueue(record);
                }

                text.Clear();
            }
        }

        return JsonDocument.Parse(pending.Dequeue()).RootElement.Clone();
    }
}
