namespace Storage;

/// <summary>Where grain state lives. Bound from the configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite, e.g. "Data Source=commandcentre.db".</summary>
    public string ConnectionString { get; set; } = "Data Source=commandcentre.db";
}
