using System.Data.Common;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Sla;

namespace Storage.ReadModels;

/// <summary>Appeal lists from the read model (rm_appeals); no grain is activated. Rows are as of each appeal's last
/// change or SLA review, so a light is at most one reminder late.</summary>
public sealed class AppealQueries
{
    public const string Columns =
        "SELECT id, title, enterprise_code, enterprise_name, town_code, department_code, project_id, category, channel, priority, " +
        "status, level, light, rating, accepted_at, deadline, closed_at, " +
        "CASE WHEN EXISTS (SELECT 1 FROM integrity_findings f WHERE f.appeal_id = rm_appeals.id AND f.resolved_at IS NULL) THEN 1 ELSE 0 END " +
        "FROM rm_appeals";

    private readonly IDatabase _database;

    public AppealQueries(IDatabase database) => _database = database;

    public Task<Page<AppealListItem>> ListAsync(AppealListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PagedQuery.RunAsync(_database, Columns, "rm_appeals", Filter(query), "accepted_at DESC, id", query.Offset, query.Limit, Read, cancellationToken);
    }

    /// <summary>The WHERE clause of <paramref name="query"/>'s filters; the workbench adds its own to it.</summary>
    public static SqlFilter Filter(AppealListQuery query)
    {
        var filter = new SqlFilter()
            .Equal("district_code", query.DistrictCode)
            .Equal("town_code", query.TownCode)
            .Equal("department_code", query.DepartmentCode)
            .Equal("status", query.Status?.ToString())
            .Equal("enterprise_code", query.EnterpriseCreditCode)
            .Equal("project_id", query.ProjectId)
            .Equal("category", query.Category);
        if (query.Light is { } light)
        {
            filter.Raw("is_closed = 0").Equal("light", light.ToString());
        }

        if (query.Open is { } open)
        {
            filter.Raw(open ? "is_closed = 0" : "is_closed = 1");
        }

        return filter;
    }

    /// <summary>Earlier appeals of the category near the time: the same enterprise's, or located ones within a box around the point.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> DuplicateCandidatesAsync(
        string appealId, string enterpriseCode, string category, DateTimeOffset acceptedAt, GeoPoint? location, int windowDays, double radiusMetres)
    {
        var window = TimeSpan.FromDays(windowDays);
        // Written by hand: the bounding box is an OR with the enterprise, which SqlFilter does not express.
        var sql = "SELECT id, enterprise_code, category, accepted_at, latitude, longitude FROM rm_appeals " +
            "WHERE category = @category AND id <> @id AND accepted_at >= @from AND accepted_at <= @to AND (enterprise_code = @enterprise";
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = Db.Command(connection, "");
        command.With("@category", category).With("@id", appealId).With("@enterprise", enterpriseCode)
            .With("@from", Db.Millis(acceptedAt - window)).With("@to", Db.Millis(acceptedAt + window));
        if (location is { } point)
        {
            // A degree of latitude is about 111 km; widen the box generously, the finder measures the real distance.
            var dLat = (radiusMetres * 2) / 111_000d;
            var dLon = dLat / Math.Max(0.1, Math.Cos(point.Latitude * Math.PI / 180));
            sql += " OR (latitude BETWEEN @latMin AND @latMax AND longitude BETWEEN @lonMin AND @lonMax)";
            command.With("@latMin", point.Latitude - dLat).With("@latMax", point.Latitude + dLat)
                .With("@lonMin", point.Longitude - dLon).With("@lonMax", point.Longitude + dLon);
        }

        // id breaks ties: PostgreSQL returns equal rows in no fixed order, so the 200 kept would vary between runs.
        command.CommandText = sql + ") ORDER BY accepted_at DESC, id LIMIT 200";
        var candidates = new List<DuplicateCandidate>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var latitude = Db.NullableDouble(reader, 4);
            var longitude = Db.NullableDouble(reader, 5);
            candidates.Add(new DuplicateCandidate(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Db.Instant(reader.GetInt64(3)), latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null));
        }

        return candidates;
    }

    public async Task<bool> ExistsAsync(string appealId)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = Db.Command(connection, "SELECT COUNT(*) FROM rm_appeals WHERE id = @id").With("@id", appealId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public static AppealListItem Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Db.NullableString(r, 5), Db.NullableString(r, 6),
        r.GetString(7), Enum.Parse<AppealChannel>(r.GetString(8)), Enum.Parse<AppealPriority>(r.GetString(9)),
        Enum.Parse<AppealStatus>(r.GetString(10)), Enum.Parse<EscalationLevel>(r.GetString(11)),
        Db.NullableString(r, 12) is { } light ? Enum.Parse<SlaLight>(light) : null,
        Db.NullableString(r, 13) is { } rating ? Enum.Parse<SatisfactionRating>(rating) : null,
        Db.Instant(r.GetInt64(14)), Db.Instant(r.GetInt64(15)), Db.NullableLong(r, 16) is { } closed ? Db.Instant(closed) : null)
    {
        HasIntegrityFinding = Db.Int(r, 17) == 1,
    };
}
