using System.Data.Common;
using System.Globalization;

namespace Storage.ReadModels;

/// <summary>Runs "count, then one page" for a filtered list.</summary>
public static class PagedQuery
{
    public static async Task<Page<T>> RunAsync<T>(
        IDatabase database, string selectFrom, string table, SqlFilter filter, string orderBy, int offset, int limit,
        Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        SqlFilter.CheckPaging(offset, limit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = Db.Command(connection, $"SELECT COUNT(*) FROM {table}{filter.Where}"))
        {
            filter.Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<T>();
        await using (var page = Db.Command(connection, $"{selectFrom}{filter.Where} ORDER BY {orderBy} LIMIT @limit OFFSET @offset"))
        {
            filter.Bind(page);
            page.With("@limit", limit).With("@offset", offset);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(read(reader));
            }
        }

        return new Page<T>(items, total, offset, limit);
    }
}
