
namespace Storage.ReadModels;

/// <summary>Upserts one read-model row; entity grains call it after their state write and on activation.</summary>
public sealed class ReadModelWriter(IDatabase database)
{
    public Task UpsertAsync(AppealRowSource row) => UpsertAsync(ReadModelRows.Appeals, row);

    public Task UpsertAsync(EnterpriseRowSource row) => UpsertAsync(ReadModelRows.Enterprises, row);

    public Task UpsertAsync(OfficialRowSource row) => UpsertAsync(ReadModelRows.Officials, row);

    public Task UpsertAsync(ProjectRowSource row) => UpsertAsync(ReadModelRows.Projects, row);

    private async Task UpsertAsync<TRow>(RowTable<TRow> table, TRow row)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = table.Prepare(connection, null);
        table.Bind(command, row);
        await command.ExecuteNonQueryAsync();
    }
}
