using Grains.Abstractions.Figures;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Grains.Figures;
using Grains.Hosting;
using Storage;
using Storage.ReadModels;

namespace Grains.Figures;

/// <summary>Recounts a district's counters from the read model: the repair path when counters drifted (a crash between
/// an entity's write and its delta) and the last step of the demo load. Reads each table once.</summary>
internal sealed class FigureRecounter(IDatabase database, DistrictClock clock)
{
    public async Task<RecountResult> RecountAsync(string districtCode)
    {
        var district = FigureCounts.Zero;
        var towns = new Dictionary<string, FigureCounts>(StringComparer.Ordinal);
        var departments = new Dictionary<string, FigureCounts>(StringComparer.Ordinal);
        var projects = new List<ProjectFigure>();
        await using var connection = await database.OpenConnectionAsync();
        // Row by row rather than GROUP BY: the assessment year of an instant is read on the district's calendar, which
        // SQLite and PostgreSQL would each need their own date arithmetic for; a district has a few thousand appeals.
        await using (var command = Db.Command(connection,
            "SELECT town_code, department_code, accepted_at, closed_at, is_closed, closed_on_time, rated, satisfied, light " +
            "FROM rm_appeals WHERE district_code = @district").With("@district", districtCode))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var closed = Db.Int(reader, 4) == 1;
                var acceptedAt = Db.Instant(reader.GetInt64(2));
                var counts = FigureRules.ForAppeal(
                    FigureRules.YearOf(acceptedAt, clock.UtcOffset),
                    closed ? FigureRules.YearOf(Db.NullableLong(reader, 3) is { } closedAt ? Db.Instant(closedAt) : acceptedAt, clock.UtcOffset) : null,
                    new AppealYearCounts { Closed = 1, ClosedOnTime = Db.Int(reader, 5), Rated = Db.Int(reader, 6), Satisfied = Db.Int(reader, 7) },
                    !closed && Db.NullableString(reader, 8) is { } light ? Enum.Parse<SlaLight>(light) : null);

                district = district.Plus(counts);
                Add(towns, reader.GetString(0), counts);
                if (Db.NullableString(reader, 1) is { } department)
                {
                    Add(departments, department, counts);
                }
            }
        }

        await using (var command = Db.Command(connection,
            "SELECT town_code, COUNT(*), SUM(CASE WHEN official_count > 0 THEN 1 ELSE 0 END) FROM rm_enterprises " +
            "WHERE district_code = @district GROUP BY town_code").With("@district", districtCode))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var counts = new FigureCounts { Enterprises = Db.Int(reader, 1), PackagedEnterprises = Db.Int(reader, 2) };
                district = district.Plus(counts);
                Add(towns, reader.GetString(0), counts);
            }
        }

        await using (var command = Db.Command(connection,
            "SELECT id, name, town_code, latitude, longitude, stage, year, planned_investment, completed_investment FROM rm_projects " +
            "WHERE district_code = @district ORDER BY id").With("@district", districtCode))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                projects.Add(new ProjectFigure(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    Db.NullableDouble(reader, 3) is { } lat && Db.NullableDouble(reader, 4) is { } lon ? new GeoPoint(lat, lon) : null,
                    Enum.Parse<ProjectStage>(reader.GetString(5)), Db.Int(reader, 6), Db.Decimal(reader, 7), Db.Decimal(reader, 8)));
            }
        }

        // Read last: a row upserted while the tables above were read shows here, so the caller can tell a quiet read.
        await using (var command = Db.Command(connection,
            "SELECT MAX(m) FROM (SELECT MAX(updated_at) AS m FROM rm_appeals WHERE district_code = @district " +
            "UNION ALL SELECT MAX(updated_at) FROM rm_enterprises WHERE district_code = @district " +
            "UNION ALL SELECT MAX(updated_at) FROM rm_projects WHERE district_code = @district) AS changes").With("@district", districtCode))
        {
            var last = await command.ExecuteScalarAsync();
            var lastChangeAt = last is null or DBNull ? (DateTimeOffset?)null
                : Db.Instant(Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture));
            return new RecountResult(district, towns, departments, projects, lastChangeAt);
        }
    }

    /// <summary>Every district that has rows in the read model.</summary>
    public async Task<IReadOnlyList<string>> DistrictsAsync()
    {
        var districts = new List<string>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = Db.Command(connection,
            "SELECT district_code FROM rm_appeals UNION SELECT district_code FROM rm_enterprises UNION SELECT district_code FROM rm_projects");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            districts.Add(reader.GetString(0));
        }

        return districts;
    }

    private static void Add(Dictionary<string, FigureCounts> scopes, string key, FigureCounts counts) =>
        scopes[key] = scopes.TryGetValue(key, out var existing) ? existing.Plus(counts) : counts;
}

internal sealed record RecountResult(
    FigureCounts District,
    IReadOnlyDictionary<string, FigureCounts> Towns,
    IReadOnlyDictionary<string, FigureCounts> Departments,
    IReadOnlyList<ProjectFigure> Projects,
    DateTimeOffset? LastChangeAt);
