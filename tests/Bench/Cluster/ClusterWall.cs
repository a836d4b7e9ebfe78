using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Bench.Cluster;

/// <summary>A wall without a browser (like Live/HubWalls): a SignalR connection to /hubs/live as a signed-in leader, subscribed
/// to the wall group, noting every pushed feed item of kind AppealSupervised by appeal and event time. Pushes are counted, not
/// what the wall would display (it shows only the newest Dashboard:FeedItems).</summary>
internal sealed class ClusterWall : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<(string Appeal, long AtMs), byte> supervised = new();
    private long pushes;
    private volatile bool disposing;

    private ClusterWall(HubConnection connection) => this.connection = connection;

    /// <summary>Feed items pushed so far, of any kind.</summary>
    public long Pushes => Interlocked.Read(ref pushes);

    public static async Task<ClusterWall> ConnectAsync(Uri baseAddress, string cookie, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        var wall = new ClusterWall(connection);
        connection.On<JsonElement>("WallFeed", push =>
        {
            Interlocked.Increment(ref wall.pushes);
            var item = push.GetProperty("item");
            if (item.GetProperty("kind").GetString() == "AppealSupervised")
            {
                var at = item.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds();
                wall.supervised.TryAdd((item.GetProperty("subjectCode").GetString() ?? "", at), 0);
            }
        });
        connection.On<JsonElement>("WallFigures", _ => { });
        connection.Closed += exception =>
        {
            if (wall.disposing)
            {
                return Task.CompletedTask;
            }

            ClusterLog.Write($"wall: the hub connection closed ({exception?.Message ?? "no error"}); later pushes are missed");
            return Task.CompletedTask;
        };
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync("SubscribeWall", cancellationToken);
        return wall;
    }

    /// <summary>Whether the supervise of <paramref name="appeal"/> made at <paramref name="at"/> was pushed. Compared in
    /// milliseconds: an item restored from the kept feed (rm_feed) carries its time to the millisecond.</summary>
    public bool Saw(string appeal, DateTimeOffset at) => supervised.ContainsKey((appeal, at.ToUnixTimeMilliseconds()));

    public ValueTask DisposeAsync()
    {
        disposing = true;
        return connection.DisposeAsync();
    }
}
