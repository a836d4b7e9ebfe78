using System.Data.Common;
using System.Threading.Channels;
using Silo.Storage;

namespace Dashboard.Wall;

/// <summary>Where the wall's feed outlives the process: the newest items of the table <c>wall_feed</c>.</summary>
internal interface IWallFeedHistory
{
    /// <summary>Queues an item for writing; never waits for the database.</summary>
    void Record(WallFeedItem item);

    /// <summary>The newest <paramref name="count"/> items, oldest first, unnumbered (sequence 0).</summary>
    Task<IReadOnlyList<WallFeedItem>> ReadRecentAsync(int count, CancellationToken cancellationToken);
}

/// <summary>Writes feed items in batches from a background loop, so a push to the walls never waits for a disk
/// flush, and keeps only the newest <see cref="Kept"/> rows. Items still queued at shutdown are written first.</summary>
internal sealed class WallFeedHistory(IDatabase database, ILogger<WallFeedHistory> logger) : BackgroundService, IWallFeedHistory
{
    /// <summary>Rows kept: more than any wall shows (Dashboard:FeedItems is at most 500).</summary>
    internal const int Kept = 500;

    private const int BatchSize = 100;

    // Bounded: if the database is down for long, the oldest unwritten items go first.
    private readonly Channel<WallFeedItem> pending = Channel.CreateBounded<WallFeedItem>(
        new BoundedChannelOptions(2 * Kept) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Record(WallFeedItem item) => pending.Writer.TryWrite(item);

    public async Task<IReadOnlyList<WallFeedItem>> ReadRecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, """
            SELECT kind, at, town_code, town_name, subject_code, title, latitude, longitude
            FROM wall_feed ORDER BY id DESC LIMIT @count
            """).With("@count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<WallFeedItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new WallFeedItem(
                0, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), NullableDouble(reader, 6), NullableDouble(reader, 7)));
        }

        items.Reverse();
        return items;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WallFeedItem>(BatchSize);
        // Not the stopping token: after StopAsync completes the channel, the loop drains what is left, then ends.
        while (await pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "{Count} wall feed items could not be kept; walls opened after a restart will not list them", batch.Count);
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(IReadOnlyList<WallFeedItem> batch)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var item in batch)
        {
            await using var insert = DbCommands.Create(connection, """
                INSERT INTO wall_feed (kind, at, town_code, town_name, subject_code, title, latitude, longitude)
                VALUES (@kind, @at, @town_code, @town_name, @subject_code, @title, @latitude, @longitude)
                """, transaction)
                .With("@kind", item.Kind).With("@at", item.At).With("@town_code", item.TownCode).With("@town_name", item.TownName)
                .With("@subject_code", item.SubjectCode).With("@title", item.Title).With("@latitude", item.Latitude).With("@longitude", item.Longitude);
            await insert.ExecuteNonQueryAsync();
        }

        await using var prune = DbCommands.Create(connection,
            "DELETE FROM wall_feed WHERE id <= (SELECT MAX(id) FROM wall_feed) - @kept", transaction).With("@kept", Kept);
        await prune.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
