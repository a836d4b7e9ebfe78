using System.Data.Common;

namespace Silo.Storage;

/// <summary>Grain state in the grain_state table. Every write stores a fresh random ETag, and writes and
/// clears only touch a row whose ETag still matches, so a stale writer can never overwrite newer state
/// (not even after a clear and a new first write, which a version counter could not tell apart).</summary>
public sealed class AdoNetGrainStorage(IDatabase database, TimeProvider timeProvider) : IGrainStorage
{
    private const string Key = "grain_type = @type AND grain_key = @key AND state_name = @name";

    private const string SelectSql = "SELECT payload, etag FROM grain_state WHERE " + Key;

    private const string InsertSql =
        "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, etag, updated_at) " +
        "VALUES (@type, @key, @name, @payload, @etag, @now) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        "UPDATE grain_state SET payload = @payload, etag = @etag, updated_at = @now WHERE " + Key + " AND etag = @expected";

    private const string DeleteSql = "DELETE FROM grain_state WHERE " + Key + " AND etag = @expected";

    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, grainId, stateName, cancellationToken);
    }

    public async Task<string> WriteAsync(
        GrainId grainId, string stateName, string payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, expectedEtag is null ? InsertSql : UpdateSql)
            .WithKey(grainId, stateName)
            .With("@payload", payload)
            .With("@etag", etag)
            .With("@now", timeProvider.GetUtcNow());
        if (expectedEtag is not null)
        {
            command.With("@expected", expectedEtag);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return etag;
        }

        throw await ConflictAsync(connection, "written", grainId, stateName, expectedEtag, cancellationToken);
    }

    public async Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (expectedEtag is null)
        {
            // Nothing is expected to be stored: succeed only when that is true.
            if (await ReadAsync(connection, grainId, stateName, cancellationToken) is null)
            {
                return;
            }
        }
        else
        {
            await using var command = DbCommands.Create(connection, DeleteSql)
                .WithKey(grainId, stateName)
                .With("@expected", expectedEtag);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return;
            }
        }

        throw await ConflictAsync(connection, "cleared", grainId, stateName, expectedEtag, cancellationToken);
    }

    private static async Task<StoredState?> ReadAsync(
        DbConnection connection, GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = DbCommands.Create(connection, SelectSql).WithKey(grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetString(0), reader.GetString(1)) : null;
    }

    private static async Task<InconsistentStateException> ConflictAsync(
        DbConnection connection, string verb, GrainId grainId, string stateName, string? expectedEtag,
        CancellationToken cancellationToken)
    {
        // Read after the failed statement only to explain it; the decision was made atomically above.
        var stored = (await ReadAsync(connection, grainId, stateName, cancellationToken))?.ETag;
        return new InconsistentStateException(
            $"State '{stateName}' of grain {grainId} was not {verb}: the stored ETag is {Show(stored)} " +
            $"but the caller expected {Show(expectedEtag)}; another activation or host wrote it first.",
            storedEtag: stored,
            currentEtag: expectedEtag);
    }

    private static string Show(string? etag) => etag is null ? "(nothing stored)" : $"'{etag}'";
}
