using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Bench.Live;

/// <summary>Wall subscriptions without a browser: SignalR connections to /hubs/live as the signed-in leader,
/// joined to the wall group like wall.js, each noting when a feed push arrived. They bring the server's
/// fan-out to the issue's 50 walls where 50 Chromium pages are more than the machine can run.</summary>
internal sealed class HubWalls : IAsyncDisposable
{
    private readonly List<HubConnection> connections = [];
    private readonly List<ConcurrentQueue<WallSighting>> received = [];

    private volatile bool recording = true;

    public int Count => connections.Count;

    /// <summary>Off while flooding: 10,000 sightings per connection would be this process's memory, which
    /// is also the server's, and would spoil the server memory figure.</summary>
    public void Record(bool on) => recording = on;

    public static async Task<HubWalls> ConnectAsync(Uri baseAddress, string cookie, int count)
    {
        var walls = new HubWalls();
        for (var i = 0; i < count; i++)
        {
            var seen = new ConcurrentQueue<WallSighting>();
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, "/hubs/live"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.Headers["Cookie"] = cookie;
                })
                .Build();
            connection.On<JsonElement>("WallFeed", push =>
            {
                if (!walls.recording)
                {
                    return;
                }

                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var item = push.GetProperty("item");
                seen.Enqueue(new WallSighting(item.GetProperty("at").GetString() ?? "", $"kind-{item.GetProperty("kind").GetString()}", now));
            });
            // Figures pushes are part of the load on the server; the benchmark does not time them.
            connection.On<JsonElement>("WallFigures", _ => { });
            walls.connections.Add(connection);
            walls.received.Add(seen);
            await connection.StartAsync();
            await connection.InvokeAsync("SubscribeWall");
        }

        return walls;
    }

    /// <summary>Takes what every connection has received since the last call.</summary>
    public IReadOnlyList<IReadOnlyList<WallSighting>> TakeSightings() =>
        received.Select(queue =>
        {
            var list = new List<WallSighting>();
            while (queue.TryDequeue(out var sighting))
            {
                list.Add(sighting);
            }

            return (IReadOnlyList<WallSighting>)list;
        }).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
