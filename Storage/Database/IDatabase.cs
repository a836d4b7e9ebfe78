using System.Data.Common;

namespace Storage;

/// <summary>Which database engine holds the state.</summary>
public enum DatabaseProvider
{
    /// <summary>A local SQLite file: the embedded default, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production and tests.</summary>
    Postgres,
}

/// <summary>The one database of the process: opens short-lived connections and names the provider,
/// so that callers can pick provider-specific SQL.</summary>
public interface IDatabase
{
    DatabaseProvider Provider { get; }

    /// <summary>The connection described for logs and error messages, without any password.</summary>
    string DisplayName { get; }

    /// <summary>The one data source (connection settings and pool) of this database in this process; Orleans' ADO.NET
    /// providers open their connections from it too.</summary>
    DbDataSource DataSource { get; }

    /// <summary>Opens a new connection; dispose it when done (pooled underneath).</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);
}
