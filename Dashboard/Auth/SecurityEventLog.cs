using System.Collections.Concurrent;
using System.Data.Common;
using Storage;

namespace Dashboard.Auth;

/// <summary>The security-event log in the <c>security_events</c> table, read by administrators on /admin/security. Writing
/// never fails the request that is being refused or recorded: a database error is logged and the event is lost.</summary>
internal sealed class SecurityEventLog(IDatabase database, TimeProvider clock, ILogger<SecurityEventLog> logger)
{
    /// <summary>Within this time, an event that is only noise when repeated (the same refusal of the same user, address and detail)
    /// is written once: a script hammering with a copied cookie must not fill the table.</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMinutes(1);

    private const int MaxTextLength = 200;
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastWritten = new(StringComparer.Ordinal);

    /// <summary>Records an event now. With <paramref name="coalesce"/>, the same kind, user and address is written at most once
    /// per <see cref="CoalesceWindow"/> by this process.</summary>
    public async Task WriteAsync(
        SecurityEventKind kind, string? userName, string? remoteAddress, bool throttled = false, string? detail = null, bool coalesce = false)
    {
        var now = clock.GetUtcNow();
        if (coalesce && !ShouldWrite($"{kind}|{userName}|{remoteAddress}|{detail}", now))
        {
            return;
        }

        try
        {
            await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
            await using var command = DbCommands.Create(connection, """
                INSERT INTO security_events (occurred_at, kind, user_name, remote_address, throttled, detail)
                VALUES (@occurred_at, @kind, @user_name, @remote_address, @throttled, @detail)
                """)
                .With("@occurred_at", now)
                .With("@kind", kind.ToString())
                .With("@user_name", Cut(userName))
                .With("@remote_address", Cut(remoteAddress))
                .With("@throttled", throttled)
                .With("@detail", Cut(detail));
            // Not the request's token: a refusal is recorded even when the client has gone.
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is DbException or StorageUnavailableException or InvalidOperationException)
        {
            logger.LogError(exception, "Could not record security event {Kind} for {UserName} from {RemoteAddress}", kind, userName, remoteAddress);
        }
    }

    /// <summary>One page of events, newest first, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<SecurityEvent> Events, long Total)> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        long total;
        await using (var count = DbCommands.Create(connection, "SELECT COUNT(*) FROM security_events"))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var command = DbCommands.Create(connection, """
            SELECT id, occurred_at, kind, user_name, remote_address, throttled, detail
            FROM security_events ORDER BY id DESC LIMIT @limit OFFSET @offset
            """)
            .With("@limit", pageSize)
            .With("@offset", (long)(page - 1) * pageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<SecurityEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return (events, total);
    }

    private bool ShouldWrite(string key, DateTimeOffset now)
    {
        if (lastWritten.TryGetValue(key, out var last) && now - last < CoalesceWindow)
        {
            return false;
        }

        if (lastWritten.Count > 10_000)
        {
            foreach (var (oldKey, at) in lastWritten)
            {
                if (now - at >= CoalesceWindow)
                {
                    lastWritten.TryRemove(oldKey, out _);
                }
            }
        }

        lastWritten[key] = now;
        return true;
    }

    private static string? Cut(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;

    private static SecurityEvent Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<DateTimeOffset>(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetBoolean(5),
        reader.IsDBNull(6) ? null : reader.GetString(6));
}
