namespace Storage;

internal static class DatabaseProviderNames
{
    /// <summary>The product name, for messages.</summary>
    public static string ProductName(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "SQLite",
        DatabaseProvider.Postgres => "PostgreSQL",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>The folder (resource name segment) that holds the provider's schema scripts.</summary>
    public static string ScriptFolder(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}
