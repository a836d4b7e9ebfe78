using System.Data.Common;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;

namespace Storage.ReadModels;

/// <summary>What the appeal workbench lists besides <see cref="AppealQueries"/>: the same rows filtered also by channel and
/// by free text, enterprises found by name or credit code for intake, and the weekly tracking counts (周跟踪). Read model
/// only; no grain is activated.</summary>
public sealed class AppealWorkbenchQueries
{
    private readonly IDatabase _database;

    public AppealWorkbenchQueries(IDatabase database) => _database = database;

    /// <summary>The queue: <paramref name="query"/>'s filters plus channel and a text that matches the id, title, enterprise
    /// name or credit code (case-insensitive). Most urgent first: red, yellow, green, then closed; then the nearest deadline.</summary>
    public Task<Page<AppealListItem>> ListAsync(AppealListQuery query, AppealChannel? channel, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Filter(query, channel, text);
        const string order = "CASE light WHEN 'Red' THEN 0 WHEN 'Yellow' THEN 1 WHEN 'Green' THEN 2 ELSE 3 END, is_closed, deadline, id";
        return PagedQuery.RunAsync(_database, AppealQueries.Columns, "rm_appeals", filter, order, query.Offset, query.Limit, AppealQueries.Read, cancellationToken);
    }

    /// <summary>Open appeals per light under the same filters (light and status filters ignored), for the queue tabs.</summary>
    public async Task<IReadOnlyDictionary<SlaLight, int>> CountOpenByLightAsync(AppealListQuery query, AppealChannel? channel, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Filter(query with { Light = null, Status = null, Open = null }, channel, text).Raw("is_closed = 0").Raw("light IS NOT NULL");
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection, $"SELECT light, COUNT(*) FROM rm_appeals{filter.Where} GROUP BY light");
        filter.Bind(command);
        var counts = new Dictionary<SlaLight, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[Enum.Parse<SlaLight>(reader.GetString(0))] = Db.Int(reader, 1);
        }

        return counts;
    }

    /// <summary>The list rows of the given appeals (unknown ids are left out), e.g. to show duplicate suggestions.</summary>
    public async Task<IReadOnlyList<AppealListItem>> FindAsync(IReadOnlyCollection<string> appealIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appealIds);
        if (appealIds.Count == 0)
        {
            return [];
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection, "");
        var names = new List<string>();
        foreach (var id in appealIds.Take(SqlFilter.MaxLimit))
        {
            var name = $"@id{names.Count}";
            names.Add(name);
            command.With(name, id);
        }

        command.CommandText = $"{AppealQueries.Columns} WHERE id IN ({string.Join(", ", names)}) ORDER BY accepted_at DESC, id";
        var rows = new List<AppealListItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(AppealQueries.Read(reader));
        }

        return rows;
    }

    /// <summary>Enterprises of the district whose name contains the text or whose credit code starts with it, by name.</summary>
    public async Task<IReadOnlyList<EnterpriseMatch>> FindEnterprisesAsync(string districtCode, string text, int limit, CancellationToken cancellationToken = default)
    {
        SqlFilter.CheckPaging(0, limit);
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return [];
        }

        // Bounded here too, not only by the pages: SQLite refuses a LIKE pattern that is too long ("pattern too complex").
        if (trimmed.Length > EnterpriseListQuery.MaxSearchLength)
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, "search", trimmed.Length);
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT credit_code, name, town_code FROM rm_enterprises WHERE district_code = @district " +
            // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
            $"AND (LOWER(name) {SqlFilter.Like("@name")} OR credit_code {SqlFilter.Like("@code")}) " +
            "ORDER BY CASE WHEN credit_code = @exact THEN 0 ELSE 1 END, name, credit_code LIMIT @limit")
            .With("@district", districtCode).With("@name", "%" + SqlFilter.EscapeLike(trimmed.ToLowerInvariant()) + "%").With("@code", SqlFilter.EscapeLike(trimmed.ToUpperInvariant()) + "%")
            .With("@exact", trimmed.ToUpperInvariant()).With("@limit", limit);
        var rows = new List<EnterpriseMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EnterpriseMatch(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>周跟踪 for [<paramref name="from"/>, <paramref name="to"/>): appeals received, closed, and overdue at the end
    /// (accepted before the end, deadline passed before the end, not closed by then), grouped by department and by town.</summary>
    public async Task<WeeklyTracking> WeeklyAsync(string districtCode, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        var byDepartment = await WeeklyRowsAsync(connection, "department_code", districtCode, from, to, cancellationToken);
        var byTown = await WeeklyRowsAsync(connection, "town_code", districtCode, from, to, cancellationToken);
        return new WeeklyTracking(from, to, byDepartment, byTown);
    }

    private static async Task<IReadOnlyList<WeeklyTrackingRow>> WeeklyRowsAsync(
        DbConnection connection, string groupColumn, string districtCode, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection,
            $"SELECT {groupColumn}, " +
            "SUM(CASE WHEN accepted_at >= @from AND accepted_at < @to THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN closed_at IS NOT NULL AND closed_at >= @from AND closed_at < @to THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN accepted_at < @to AND deadline < @to AND (closed_at IS NULL OR closed_at >= @to) THEN 1 ELSE 0 END) " +
            $"FROM rm_appeals WHERE district_code = @district AND accepted_at < @to AND (closed_at IS NULL OR closed_at >= @from) " +
            // Not routed (NULL) first on both engines: SQLite sorts NULL first, PostgreSQL last.
            $"GROUP BY {groupColumn} ORDER BY CASE WHEN {groupColumn} IS NULL THEN 0 ELSE 1 END, {groupColumn}")
            .With("@district", districtCode).With("@from", Db.Millis(from)).With("@to", Db.Millis(to));
        var rows = new List<WeeklyTrackingRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new WeeklyTrackingRow(Db.NullableString(reader, 0), Db.Int(reader, 1), Db.Int(reader, 2), Db.Int(reader, 3));
            if (row.Received + row.Closed + row.Overdue > 0)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static SqlFilter Filter(AppealListQuery query, AppealChannel? channel, string? text)
    {
        var filter = AppealQueries.Filter(query).Equal("channel", channel?.ToString());
        if (!string.IsNullOrWhiteSpace(text))
        {
            var p = filter.NextParameter;
            filter.Add($"(LOWER(id) {SqlFilter.Like(p)} OR LOWER(title) {SqlFilter.Like(p)} OR LOWER(enterprise_name) {SqlFilter.Like(p)} OR LOWER(enterprise_code) {SqlFilter.Like(p)})",
                "%" + SqlFilter.EscapeLike(text.Trim().ToLowerInvariant()) + "%");
        }

        return filter;
    }
}

/// <summary>An enterprise found at intake.</summary>
/// <param name="CreditCode">Its unified social credit code.</param>
/// <param name="Name">Its name.</param>
/// <param name="TownCode">The town whose grid it is in.</param>
public sealed record EnterpriseMatch(string CreditCode, string Name, string TownCode);

/// <summary>The weekly tracking report (周跟踪) for one week.</summary>
/// <param name="From">The week's first instant.</param>
/// <param name="To">The instant after the week.</param>
/// <param name="ByDepartment">One row per department in code order, after the row of appeals not routed yet (null code).</param>
/// <param name="ByTown">One row per town, in code order.</param>
public sealed record WeeklyTracking(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<WeeklyTrackingRow> ByDepartment, IReadOnlyList<WeeklyTrackingRow> ByTown);

/// <summary>One line of the weekly tracking report.</summary>
/// <param name="Code">The department or town code (null: not routed yet).</param>
/// <param name="Received">Appeals accepted in the week.</param>
/// <param name="Closed">Appeals closed in the week.</param>
/// <param name="Overdue">Appeals past their deadline and still not closed at the end of the week.</param>
public sealed record WeeklyTrackingRow(string? Code, int Received, int Closed, int Overdue);
