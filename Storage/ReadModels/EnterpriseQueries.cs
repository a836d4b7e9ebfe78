using System.Data.Common;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Packaging;

namespace Storage.ReadModels;

/// <summary>Enterprise lists and packaging coverage from the read model (rm_enterprises); no grain is activated.</summary>
public sealed class EnterpriseQueries
{
    private const string Columns =
        "SELECT credit_code, name, industry, town_code, station_code, size, credit_level, official_count, latitude, longitude FROM rm_enterprises";

    private readonly IDatabase _database;

    public EnterpriseQueries(IDatabase database) => _database = database;

    public Task<Page<EnterpriseListItem>> ListAsync(EnterpriseListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter()
            .Equal("district_code", query.DistrictCode)
            .Equal("town_code", query.TownCode)
            .Equal("station_code", query.StationCode)
            .Equal("industry", query.Industry)
            .Equal("size", query.Size?.ToString())
            .Equal("credit_level", query.CreditLevel?.ToString());
        if (query.UnpackagedOnly)
        {
            filter.Raw("official_count = 0");
        }

        if (query.PackagedOnly)
        {
            filter.Raw("official_count > 0");
        }

        if (!string.IsNullOrWhiteSpace(query.NameContains))
        {
            // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
            filter.Add($"LOWER(name) {SqlFilter.Like(filter.NextParameter)}", "%" + SqlFilter.EscapeLike(query.NameContains.Trim().ToLowerInvariant()) + "%");
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            if (search.Length > EnterpriseListQuery.MaxSearchLength)
            {
                throw new DomainException(ErrorCodes.ValueOutOfRange, "search", search.Length);
            }

            var name = filter.Parameter("%" + SqlFilter.EscapeLike(search.ToLowerInvariant()) + "%");
            var code = filter.Parameter("%" + SqlFilter.EscapeLike(search.ToUpperInvariant()) + "%");
            filter.Raw($"(LOWER(name) {SqlFilter.Like(name)} OR credit_code {SqlFilter.Like(code)})");
        }

        if (query.Reach is { } reach)
        {
            var steward = filter.Parameter(reach.OfficialId);
            var packaged = reach.PackagedCreditCodes.Distinct(StringComparer.Ordinal).Take(SqlFilter.MaxLimit).Select(filter.Parameter).ToList();
            var inPackaged = packaged.Count == 0 ? string.Empty : $" OR credit_code IN ({string.Join(", ", packaged)})";
            filter.Raw($"(credit_code IN (SELECT owner_code FROM rm_projects WHERE steward_id = {steward}){inPackaged})");
        }

        return PagedQuery.RunAsync(_database, Columns, "rm_enterprises", filter, OrderBy(query.Sort), query.Offset, query.Limit, Read, cancellationToken);
    }

    /// <summary>The industries the district's enterprises are in, in code order (for a filter's choices).</summary>
    /// <summary>Whether an enterprise has this credit code (asked before its grain, so a made-up code activates none).</summary>
    public async Task<bool> ExistsAsync(string creditCode)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = Db.Command(connection, "SELECT COUNT(*) FROM rm_enterprises WHERE credit_code = @code").With("@code", creditCode);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<IReadOnlyList<string>> IndustriesAsync(string districtCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT DISTINCT industry FROM rm_enterprises WHERE district_code = @district ORDER BY industry").With("@district", districtCode);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>包联覆盖率 per town of the district, in town order.</summary>
    public async Task<IReadOnlyList<PackagingCoverage>> CoverageByTownAsync(string districtCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT town_code, COUNT(*), SUM(CASE WHEN official_count > 0 THEN 1 ELSE 0 END) FROM rm_enterprises " +
            "WHERE district_code = @district GROUP BY town_code ORDER BY town_code").With("@district", districtCode);
        var rows = new List<PackagingCoverage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PackagingCoverage(reader.GetString(0), Db.Int(reader, 1), Db.Int(reader, 2)));
        }

        return rows;
    }

    /// <summary>Enterprises per service station of a town (the grid 网格), in station order; those in no station (null) last on both engines.</summary>
    public async Task<IReadOnlyList<StationCoverage>> CoverageByStationAsync(string townCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT station_code, COUNT(*), SUM(CASE WHEN official_count > 0 THEN 1 ELSE 0 END) FROM rm_enterprises " +
            "WHERE town_code = @town GROUP BY station_code ORDER BY CASE WHEN station_code IS NULL THEN 1 ELSE 0 END, station_code").With("@town", townCode);
        var rows = new List<StationCoverage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StationCoverage(Db.NullableString(reader, 0), Db.Int(reader, 1), Db.Int(reader, 2)));
        }

        return rows;
    }

    private string OrderBy(EnterpriseSort sort)
    {
        // PostgreSQL sorts text by the database's locale, SQLite by code point: "C" makes both agree.
        var name = _database.Provider == DatabaseProvider.Postgres ? "name COLLATE \"C\"" : "name";
        return sort switch
        {
            EnterpriseSort.Name => $"{name}, credit_code",
            EnterpriseSort.Town => $"town_code, {name}, credit_code",
            _ => "credit_code",
        };
    }

    private static EnterpriseListItem Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Db.NullableString(r, 4),
        Enum.Parse<EnterpriseSize>(r.GetString(5)), Enum.Parse<CreditLevel>(r.GetString(6)), Db.Int(r, 7),
        Db.NullableDouble(r, 8) is { } lat && Db.NullableDouble(r, 9) is { } lon ? new GeoPoint(lat, lon) : null);
}
