using Grains.Abstractions.District;

namespace Storage.ReadModels;

/// <summary>Upserts one read-model row; entity grains call it after their state write and on activation. A change's live
/// events are written to <c>rm_feed</c> in the same transaction as its row, so the feed a wall restores from holds every
/// change whose row was written, whatever happened to the live channel meanwhile.</summary>
public sealed class ReadModelWriter(IDatabase database)
{
    public Task UpsertAsync(AppealRowSource row, string? districtCode = null, IReadOnlyList<DistrictEvent>? feed = null) =>
        UpsertAsync(ReadModelRows.Appeals, row, districtCode, feed);

    public Task UpsertAsync(EnterpriseRowSource row, string? districtCode = null, IReadOnlyList<DistrictEvent>? feed = null) =>
        UpsertAsync(ReadModelRows.Enterprises, row, districtCode, feed);

    public Task UpsertAsync(OfficialRowSource row) => UpsertAsync(ReadModelRows.Officials, row, null, null);

    public Task UpsertAsync(ProjectRowSource row, string? districtCode = null, IReadOnlyList<DistrictEvent>? feed = null) =>
        UpsertAsync(ReadModelRows.Projects, row, districtCode, feed);

    private async Task UpsertAsync<TRow>(RowTable<TRow> table, TRow row, string? districtCode, IReadOnlyList<DistrictEvent>? feed)
    {
        await using var connection = await database.OpenConnectionAsync();
        var withFeed = districtCode is not null && feed is { Count: > 0 };
        await using var transaction = withFeed ? await connection.BeginTransactionAsync() : null;
        await using (var command = table.Prepare(connection, transaction))
        {
            table.Bind(command, row);
            await command.ExecuteNonQueryAsync();
        }

        if (withFeed)
        {
            await FeedRows.InsertAsync(connection, transaction!, districtCode!, feed!);
            await transaction!.CommitAsync();
        }
    }
}
