using System.Collections.Immutable;
using System.Data.Common;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Packaging;

namespace Storage.ReadModels;

/// <summary>Official lists and packaging suggestions from the read model (rm_officials, rm_enterprises).</summary>
public sealed class OfficialQueries
{
    private const string Columns = "SELECT id, name, tier, unit_code, town_code, enterprise_count FROM rm_officials";

    private readonly IDatabase _database;

    public OfficialQueries(IDatabase database) => _database = database;

    public Task<Page<OfficialListItem>> ListAsync(OfficialListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new SqlFilter()
            .Equal("district_code", query.DistrictCode)
            .Equal("town_code", query.TownCode)
            .Equal("unit_code", query.UnitCode)
            .Equal("tier", query.Tier?.ToString());
        return PagedQuery.RunAsync(_database, Columns, "rm_officials", filter, "id", query.Offset, query.Limit, Read, cancellationToken);
    }

    /// <summary>Officials for an enterprise, by the packaging book's rule: same town first, then industry match, then
    /// lowest load; district leaders are left out. Meant for unpackaged enterprises (未包联); empty for an unknown enterprise.</summary>
    public async Task<ImmutableArray<PackagingSuggestion>> SuggestAsync(string creditCode, int count = 5, CancellationToken cancellationToken = default)
    {
        SqlFilter.CheckPaging(0, count);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        string district, town, industry;
        await using (var lookup = Db.Command(connection,
            "SELECT district_code, town_code, industry FROM rm_enterprises WHERE credit_code = @code").With("@code", creditCode))
        {
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return [];
            }

            (district, town, industry) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        await using var command = Db.Command(connection,
            "SELECT id, CASE WHEN town_code = @town THEN 1 ELSE 0 END AS same_town, " +
            $"CASE WHEN industries {SqlFilter.Like("@industry")} THEN 1 ELSE 0 END AS industry_match, enterprise_count FROM rm_officials " +
            "WHERE district_code = @district AND tier <> @leader " +
            "ORDER BY same_town DESC, industry_match DESC, enterprise_count, id LIMIT @count")
            .With("@town", town).With("@industry", $"%|{SqlFilter.EscapeLike(industry)}|%").With("@district", district)
            .With("@leader", nameof(OfficialTier.DistrictLeader)).With("@count", count);
        var suggestions = ImmutableArray.CreateBuilder<PackagingSuggestion>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                suggestions.Add(new PackagingSuggestion(reader.GetString(0), Db.Int(reader, 1) == 1, Db.Int(reader, 2) == 1, Db.Int(reader, 3)));
            }
        }

        return suggestions.ToImmutable();
    }

    private static OfficialListItem Read(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Enum.Parse<OfficialTier>(r.GetString(2)), r.GetString(3), Db.NullableString(r, 4), Db.Int(r, 5));
}
