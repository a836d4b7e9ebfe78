using System.Data.Common;
using System.Threading.Channels;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Storage.ReadModels;

/// <summary>Writes the district's numbered live events into <c>rm_feed</c> in batches from a background loop, so the district
/// grain never waits for a disk flush, and keeps only the newest <see cref="Kept"/> rows per district. Items still queued
/// at shutdown are written first; a crash loses at most the last batch (the wall's history, not the appeals' own).</summary>
public sealed partial class FeedLog(IDatabase database, ILogger<FeedLog> logger) : BackgroundService
{
    /// <summary>Rows kept per district: more than any wall shows.</summary>
    public const int Kept = 2_000;

    private const int BatchSize = 200;

    // Bounded: if the database is down for long, the oldest unwritten items go first.
    private readonly Channel<(string District, DistrictEvent Event)> pending = Channel.CreateBounded<(string, DistrictEvent)>(
        new BoundedChannelOptions(4 * Kept) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Queues numbered events for writing; never waits for the database.</summary>
    public void Record(string districtCode, IEnumerable<DistrictEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            pending.Writer.TryWrite((districtCode, e));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string District, DistrictEvent Event)>(BatchSize);
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
                LogLost(exception, batch.Count);
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<(string District, DistrictEvent Event)> batch)
    {
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = DbCommands.Create(connection, """
            INSERT INTO rm_feed (district_code, kind, at, town_code, subject_code, subject_version, title, unit, actor_role, category, latitude, longitude)
            VALUES (@district, @kind, @at, @town, @subject, @version, @title, @unit, @role, @category, @latitude, @longitude)
            """, transaction)
            .With("@district", null).With("@kind", null).With("@at", null).With("@town", null).With("@subject", null).With("@version", null)
            .With("@title", null).With("@unit", null).With("@role", null).With("@category", null).With("@latitude", null).With("@longitude", null);
        foreach (var (district, e) in batch)
        {
            object?[] values = [district, e.Kind.ToString(), Db.Millis(e.At), e.TownCode, e.SubjectCode, e.SubjectVersion, e.Title, e.Unit,
                e.ActorRole?.ToString(), e.Category, e.Location?.Latitude, e.Location?.Longitude];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
        }

        foreach (var district in batch.Select(b => b.District).Distinct(StringComparer.Ordinal))
        {
            await using var prune = DbCommands.Create(connection,
                "DELETE FROM rm_feed WHERE district_code = @district AND id <= (SELECT MAX(id) FROM rm_feed WHERE district_code = @district) - @kept",
                transaction).With("@district", district).With("@kept", Kept);
            await prune.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} live events could not be kept in rm_feed; walls opened later will not list them")]
    private partial void LogLost(Exception exception, int count);
}

/// <summary>The kept live events of a district (the wall's feed after a restart or a reconnect).</summary>
public interface IFeedHistory
{
    /// <summary>The newest <paramref name="count"/> events, oldest first, unnumbered (sequence 0).</summary>
    Task<IReadOnlyList<DistrictEvent>> RecentAsync(string districtCode, int count, CancellationToken cancellationToken = default);
}

/// <summary>Reads the kept live events of a district from <c>rm_feed</c>.</summary>
public sealed class FeedQueries(IDatabase database) : IFeedHistory
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DistrictEvent>> RecentAsync(string districtCode, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, """
            SELECT kind, at, town_code, subject_code, subject_version, title, unit, actor_role, category, latitude, longitude
            FROM rm_feed WHERE district_code = @district ORDER BY id DESC LIMIT @count
            """).With("@district", districtCode).With("@count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<DistrictEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        events.Reverse();
        return events;
    }

    private static DistrictEvent Read(DbDataReader reader)
    {
        var latitude = Db.NullableDouble(reader, 9);
        var longitude = Db.NullableDouble(reader, 10);
        return new DistrictEvent(
            Enum.TryParse<DistrictEventKind>(reader.GetString(0), out var kind) ? kind : DistrictEventKind.AppealChanged,
            Db.Instant(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), reader.GetString(5),
            latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null)
        {
            SubjectVersion = reader.GetInt64(4),
            Unit = Db.NullableString(reader, 6),
            ActorRole = Db.NullableString(reader, 7) is { } role && Enum.TryParse<ActorRole>(role, out var r) ? r : null,
            Category = Db.NullableString(reader, 8),
        };
    }
}
