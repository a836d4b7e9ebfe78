using System.Data.Common;
using System.Globalization;
using Storage;

namespace Dashboard.Towns;

/// <summary>The few reads of the domain read model (rm_*) the town page needs and the query services do not
/// offer: map points in one round-trip (the list records carry no appeal location, and paging 1,200 enterprises
/// 500 at a time would count them three times) and officials' names by id for the suggestions.</summary>
internal sealed class TownReadModel(IDatabase database)
{
    public async Task<IReadOnlyList<TownMapEnterprise>> EnterprisePointsAsync(string townCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT credit_code, name, latitude, longitude, CASE WHEN official_count > 0 THEN 1 ELSE 0 END FROM rm_enterprises " +
            "WHERE town_code = @town AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY credit_code", ("@town", townCode));
        var points = new List<TownMapEnterprise>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new TownMapEnterprise(reader.GetString(0), reader.GetString(1), Point(reader, 2), Number(reader, 4) == 1));
        }

        return points;
    }

    public async Task<IReadOnlyList<TownMapAppeal>> OpenAppealPointsAsync(string townCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT id, title, light, latitude, longitude FROM rm_appeals " +
            "WHERE town_code = @town AND is_closed = 0 AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY accepted_at DESC, id",
            ("@town", townCode));
        var points = new List<TownMapAppeal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var light = reader.IsDBNull(2) ? "Green" : reader.GetString(2);
            points.Add(new TownMapAppeal(reader.GetString(0), reader.GetString(1), light, Point(reader, 3)));
        }

        return points;
    }

    /// <summary>Name, tier and unit of each official asked for that exists.</summary>
    public async Task<IReadOnlyDictionary<string, (string Name, string Tier, string Unit)>> OfficialsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        var parameters = ids.Distinct(StringComparer.Ordinal).Select((id, i) => ($"@o{i}", (object)id)).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT id, name, tier, unit_code FROM rm_officials WHERE id IN ({string.Join(", ", parameters.Select(p => p.Item1))})", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
        }

        return found;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static double[] Point(DbDataReader reader, int latitudeOrdinal) =>
    [
        Math.Round(Convert.ToDouble(reader.GetValue(latitudeOrdinal), CultureInfo.InvariantCulture), 6),
        Math.Round(Convert.ToDouble(reader.GetValue(latitudeOrdinal + 1), CultureInfo.InvariantCulture), 6),
    ];

    private static long Number(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
