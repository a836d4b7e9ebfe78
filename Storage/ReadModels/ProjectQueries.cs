using System.Data.Common;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;

namespace Storage.ReadModels;

/// <summary>Key project lists from the read model (rm_projects); no grain is activated.</summary>
public sealed class ProjectQueries
{
    private const string Columns =
        "SELECT id, name, town_code, owner_code, steward_id, stage, year, total_investment, planned_investment, completed_investment, " +
        "latitude, longitude FROM rm_projects";

    private readonly IDatabase _database;

    public ProjectQueries(IDatabase database) => _database = database;

    public Task<Page<ProjectListItem>> ListAsync(ProjectListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter()
            .Equal("district_code", query.DistrictCode)
            .Equal("town_code", query.TownCode)
            .Equal("steward_id", query.StewardOfficialId)
            .Equal("stage", query.Stage?.ToString());
        return PagedQuery.RunAsync(_database, Columns, "rm_projects", filter, "id", query.Offset, query.Limit, Read, cancellationToken);
    }

    /// <summary>The town a project is built in, or null for an unknown project; for callers the project grain itself may be waiting on.</summary>
    public async Task<string?> TownOfAsync(string projectId)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var command = Db.Command(connection, "SELECT town_code FROM rm_projects WHERE id = @id").With("@id", projectId);
        return await command.ExecuteScalarAsync() as string;
    }

    private static ProjectListItem Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Enum.Parse<ProjectStage>(r.GetString(5)),
        Db.Int(r, 6), Db.Decimal(r, 7), Db.Decimal(r, 8), Db.Decimal(r, 9),
        Db.NullableDouble(r, 10) is { } lat && Db.NullableDouble(r, 11) is { } lon ? new GeoPoint(lat, lon) : null);
}
