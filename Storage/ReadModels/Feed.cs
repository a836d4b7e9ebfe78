using System.Data.Common;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Storage.ReadModels;

/// <summary>The rows of <c>rm_feed</c>: written with the entity's read-model row (<see cref="ReadModelWriter"/>), trimmed to the
/// newest <see cref="Kept"/> per district by <see cref="FeedTrimmer"/>.</summary>
public static class FeedRows
{
    /// <summary>Rows kept per district: more than any wall shows.</summary>
    public const int Kept = 2_000;

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string districtCode, IEnumerable<DistrictEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var insert = DbCommands.Create(connection, """
            INSERT INTO rm_feed (district_code, kind, at, town_code, subject_code, subject_version, title, unit, actor_role, category, latitude, longitude)
            VALUES (@district, @kind, @at, @town, @subject, @version, @title, @unit, @role, @category, @latitude, @longitude)
            """, transaction)
            .With("@district", null).With("@kind", null).With("@at", null).With("@town", null).With("@subject", null).With("@version", null)
            .With("@title", null).With("@unit", null).With("@role", null).With("@category", null).With("@latitude", null).With("@longitude", null);
        foreach (var e in events)
        {
            object?[] values = [districtCode, e.Kind.ToString(), Db.Millis(e.At), e.TownCode, e.SubjectCode, e.SubjectVersion, e.Title, e.Unit,
                e.ActorRole?.ToString(), e.Category, e.Location?.Latitude, e.Location?.Longitude];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Keeps <c>rm_feed</c> to the newest <see cref="FeedRows.Kept"/> rows per district, every few minutes, off every
/// grain's path.</summary>
public sealed partial class FeedTrimmer(IDatabase database, TimeProvider clock, ILogger<FeedTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TrimAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public async Task TrimAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, """
            DELETE FROM rm_feed WHERE id <= (
              SELECT MAX(id) FROM rm_feed newest WHERE newest.district_code = rm_feed.district_code) - @kept
            """).With("@kept", FeedRows.Kept);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trimming rm_feed failed; the next interval tries again")]
    private partial void LogFailed(Exception exception);
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
