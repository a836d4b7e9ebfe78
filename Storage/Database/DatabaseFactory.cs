namespace Storage;

/// <summary>Creates the <see cref="IDatabase"/> that <see cref="StorageOptions"/> describe.</summary>
public static class DatabaseFactory
{
    public static IDatabase Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new SettingsException(
                $"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} is empty; " +
                $"set the connection string of the {options.Provider.ProductName()} database.");
        }

        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDatabase(options.ConnectionString),
            DatabaseProvider.Postgres => new PostgresDatabase(options.ConnectionString),
            _ => throw new SettingsException(
                $"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} '{options.Provider}' is not supported."),
        };
    }
}
