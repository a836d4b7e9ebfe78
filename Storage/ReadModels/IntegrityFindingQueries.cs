using System.Data.Common;
using Grains.Abstractions.Integrity;

namespace Storage.ReadModels;

/// <summary>The integrity findings of appeal histories (<c>integrity_findings</c>, <c>integrity_scans</c>): written by the
/// district's integrity check, read by the admin integrity page, the wall and the appeal lists; no grain is activated. Also
/// the check values of the integrity keys (<c>integrity_keys</c>) that silos compare at start-up.</summary>
public sealed class IntegrityFindingQueries(IDatabase database)
{
    private const string FindingColumns =
        "SELECT f.appeal_id, f.district_code, f.kind, f.event_index, f.key_id, f.first_found_at, f.last_found_at, a.title, a.town_code " +
        "FROM integrity_findings f LEFT JOIN rm_appeals a ON a.id = f.appeal_id";

    /// <summary>The open findings (of one district, or all), the longest-standing first.</summary>
    public Task<Page<IntegrityFindingRow>> OpenAsync(string? districtCode, int offset, int limit, CancellationToken cancellationToken = default)
    {
        var filter = new SqlFilter().Raw("f.resolved_at IS NULL").Equal("f.district_code", districtCode);
        return PagedQuery.RunAsync(database, FindingColumns, "integrity_findings f", filter, "f.first_found_at, f.appeal_id", offset, limit,
            ReadFinding, cancellationToken);
    }

    /// <summary>The appeal's open finding, or null (the appeal page).</summary>
    public async Task<IntegrityFindingRow?> OpenForAsync(string appealId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection, $"{FindingColumns} WHERE f.appeal_id = @appeal AND f.resolved_at IS NULL")
            .With("@appeal", appealId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadFinding(reader) : null;
    }

    /// <summary>How many appeals of the district have an open finding (a figure on the wall).</summary>
    public async Task<int> CountOpenAsync(string districtCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT COUNT(*) FROM integrity_findings WHERE district_code = @district AND resolved_at IS NULL").With("@district", districtCode);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The latest checks (of one district, or all), newest first.</summary>
    public async Task<IReadOnlyList<IntegrityScanRow>> LatestScansAsync(string? districtCode, int limit, CancellationToken cancellationToken = default)
    {
        SqlFilter.CheckPaging(0, limit);
        var filter = new SqlFilter().Equal("district_code", districtCode);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            $"SELECT district_code, cause, started_at, finished_at, appeals, findings FROM integrity_scans{filter.Where} " +
            "ORDER BY started_at DESC, id LIMIT @limit");
        filter.Bind(command);
        command.With("@limit", limit);
        var scans = new List<IntegrityScanRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            scans.Add(new IntegrityScanRow(reader.GetString(0), Enum.Parse<IntegrityScanTrigger>(reader.GetString(1)),
                Db.Instant(reader.GetInt64(2)), Db.Instant(reader.GetInt64(3)), Db.Int(reader, 4), Db.Int(reader, 5)));
        }

        return scans;
    }

    /// <summary>The ids of the district's appeals: what its integrity check walks.</summary>
    public async Task<IReadOnlyList<string>> AppealIdsAsync(string districtCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection, "SELECT id FROM rm_appeals WHERE district_code = @district ORDER BY id")
            .With("@district", districtCode);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Records a check in one transaction: its findings (an appeal found again keeps when it was first found), the
    /// district's open findings it did not find again as resolved, and the check itself.</summary>
    public async Task RecordScanAsync(IntegrityScanResult scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var scanId = Guid.NewGuid().ToString("N");
        var at = Db.Millis(scan.FinishedAt);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var finding in scan.Findings)
        {
            await using var upsert = Db.Command(connection,
                "INSERT INTO integrity_findings (appeal_id, district_code, kind, event_index, key_id, first_found_at, last_found_at, last_scan_id, resolved_at) " +
                "VALUES (@appeal, @district, @kind, @index, @key, @at, @at, @scan, NULL) ON CONFLICT (appeal_id) DO UPDATE SET " +
                "district_code = excluded.district_code, kind = excluded.kind, event_index = excluded.event_index, key_id = excluded.key_id, " +
                "first_found_at = CASE WHEN integrity_findings.resolved_at IS NULL THEN integrity_findings.first_found_at ELSE excluded.first_found_at END, " +
                "last_found_at = excluded.last_found_at, last_scan_id = excluded.last_scan_id, resolved_at = NULL", transaction)
                .With("@appeal", finding.AppealId).With("@district", scan.DistrictCode).With("@kind", finding.Kind.ToString())
                .With("@index", finding.EventIndex).With("@key", finding.KeyId).With("@at", at).With("@scan", scanId);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await Execute(connection, transaction,
            "UPDATE integrity_findings SET resolved_at = @at WHERE district_code = @district AND resolved_at IS NULL AND last_scan_id <> @scan",
            cancellationToken, ("@at", at), ("@district", scan.DistrictCode), ("@scan", scanId));
        await Execute(connection, transaction,
            "INSERT INTO integrity_scans (id, district_code, cause, started_at, finished_at, appeals, findings) " +
            "VALUES (@scan, @district, @cause, @started, @at, @appeals, @findings)",
            cancellationToken, ("@scan", scanId), ("@district", scan.DistrictCode), ("@cause", scan.Trigger.ToString()),
            ("@started", Db.Millis(scan.StartedAt)), ("@at", at), ("@appeals", scan.AppealsChecked), ("@findings", scan.Findings.Length));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records the check value of each key id not seen before and returns the ids whose recorded value differs: a
    /// silo was given another key under an id the others use.</summary>
    public async Task<IReadOnlyList<string>> KeysRecordedOtherwiseAsync(
        IReadOnlyDictionary<string, string> checkValues, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkValues);
        var differing = new List<string>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (keyId, checkValue) in checkValues.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            await Execute(connection, transaction,
                "INSERT INTO integrity_keys (key_id, check_value, first_used_at) VALUES (@key, @check, @at) ON CONFLICT (key_id) DO NOTHING",
                cancellationToken, ("@key", keyId), ("@check", checkValue), ("@at", Db.Millis(now)));
            await using var read = Db.Command(connection, "SELECT check_value FROM integrity_keys WHERE key_id = @key", transaction).With("@key", keyId);
            if (await read.ExecuteScalarAsync(cancellationToken) as string != checkValue)
            {
                differing.Add(keyId);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return differing;
    }

    private static IntegrityFindingRow ReadFinding(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<IntegrityFindingKind>(r.GetString(2)),
        r.IsDBNull(3) ? null : Db.Int(r, 3), Db.NullableString(r, 4), Db.Instant(r.GetInt64(5)), Db.Instant(r.GetInt64(6)),
        Db.NullableString(r, 7), Db.NullableString(r, 8));

    private static async Task Execute(
        DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Db.Command(connection, sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
