using Grains.Abstractions.Figures;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;
using Silo.Storage;

namespace Grains.ReadModels;

/// <summary>Recounts a district's counters from the read model: the repair path when counters drifted (a crash between
/// an entity's write and its delta) and the last step of the demo load. Reads each table once.</summary>
internal sealed class FigureRecounter(IDatabase database)
{
    public async Task<RecountResult> RecountAsync(string districtCode)
    {
        var district = FigureCounts.Zero;
        var towns = new Dictionary<string, FigureCounts>(StringComparer.Ordinal);
        var departments = new Dictionary<string, FigureCounts>(StringComparer.Ordinal);
        var projects = new List<ProjectFigure>();
        await using var connection = await database.OpenConnectionAsync();
        await using (var command = Db.Command(connection,
            "SELECT town_code, department_code, COUNT(*), SUM(is_closed), SUM(closed_on_time), SUM(rated), SUM(satisfied), " +
            "SUM(CASE WHEN is_closed = 0 AND light = 'Green' THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN is_closed = 0 AND light = 'Yellow' THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN is_closed = 0 AND light = 'Red' THEN 1 ELSE 0 END) " +
            "FROM rm_appeals WHERE district_code = @district GROUP BY town_code, department_code").With("@district", districtCode))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var counts = new FigureCounts
                {
                    AppealsReceived = Db.Int(reader, 2),
                    AppealsClosed = Db.Int(reader, 3),
                    AppealsClosedOnTime = Db.Int(reader, 4),
                    AppealsRated = Db.Int(reader, 5),
                    AppealsSatisfied = Db.Int(reader, 6),
                    OpenGreen = Db.Int(reader, 7),
                    OpenYellow = Db.Int(reader, 8),
                    OpenRed = Db.Int(reader, 9),
                };
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

        return new RecountResult(district, towns, departments, projects);
    }

    private static void Add(Dictionary<string, FigureCounts> scopes, string key, FigureCounts counts) =>
        scopes[key] = scopes.TryGetValue(key, out var existing) ? existing.Plus(counts) : counts;
}

internal sealed record RecountResult(
    FigureCounts District,
    IReadOnlyDictionary<string, FigureCounts> Towns,
    IReadOnlyDictionary<string, FigureCounts> Departments,
    IReadOnlyList<ProjectFigure> Projects);
