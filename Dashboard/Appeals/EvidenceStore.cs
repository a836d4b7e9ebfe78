using Storage;

namespace Dashboard.Appeals;

/// <summary>A stored evidence file without its bytes: what the pages list next to the appeal's evidence.</summary>
public sealed record StoredEvidence(long Id, string AppealId, string Name, string? Description, string ContentType, long Size, string Sha256);

/// <summary>The bytes of reply evidence, in the dashboard's table <c>appeal_evidence</c>. Rows are written before the
/// grain records the reply and removed again when the grain refuses it, so only evidence the history names remains.</summary>
internal sealed class EvidenceStore(IDatabase database, TimeProvider clock)
{
    public const int MaxDescription = 200;

    public async Task<IReadOnlyList<StoredEvidence>> SaveAsync(
        string appealId, IReadOnlyList<EvidenceFile> files, string? description, string uploadedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (note is { Length: > MaxDescription })
        {
            note = note[..MaxDescription];
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = new List<StoredEvidence>(files.Count);
        foreach (var file in files)
        {
            await using var insert = DbCommands.Create(connection, """
                INSERT INTO appeal_evidence (appeal_id, name, description, content_type, size, sha256, content, uploaded_by, uploaded_at)
                VALUES (@appeal_id, @name, @description, @content_type, @size, @sha256, @content, @uploaded_by, @uploaded_at)
                RETURNING id
                """, transaction)
                .With("@appeal_id", appealId).With("@name", file.Name).With("@description", note).With("@content_type", file.ContentType)
                .With("@size", file.Content.LongLength).With("@sha256", file.Sha256).With("@content", file.Content)
                .With("@uploaded_by", uploadedBy).With("@uploaded_at", now);
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            stored.Add(new StoredEvidence(id, appealId, file.Name, note, file.ContentType, file.Content.LongLength, file.Sha256));
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Removes rows written for a reply the grain refused. Not cancellable: a half-removed upload would stay behind.</summary>
    public async Task DeleteAsync(IReadOnlyList<StoredEvidence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        foreach (var row in rows)
        {
            await using var delete = DbCommands.Create(connection, "DELETE FROM appeal_evidence WHERE id = @id").With("@id", row.Id);
            await delete.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(string appealId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, """
            SELECT id, appeal_id, name, description, content_type, size, sha256
            FROM appeal_evidence WHERE appeal_id = @appeal_id ORDER BY id
            """).With("@appeal_id", appealId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoredEvidence>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredEvidence(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetString(6)));
        }

        return rows;
    }

    /// <summary>One file of the appeal with its bytes, or null when the appeal has no such file.</summary>
    public async Task<(StoredEvidence Row, byte[] Content)?> ReadAsync(string appealId, long evidenceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, """
            SELECT id, appeal_id, name, description, content_type, size, sha256, content
            FROM appeal_evidence WHERE appeal_id = @appeal_id AND id = @id
            """).With("@appeal_id", appealId).With("@id", evidenceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = new StoredEvidence(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetString(6));
        return (row, reader.GetFieldValue<byte[]>(7));
    }

    /// <summary>The stored file that matches an attachment the history names (same name and hash), if any.</summary>
    public static StoredEvidence? Match(IReadOnlyList<StoredEvidence> rows, Grains.Abstractions.Appeals.AttachmentInfo attachment)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(attachment);
        return rows.LastOrDefault(r => r.Sha256 == attachment.Sha256 && r.Name == attachment.Name);
    }
}
