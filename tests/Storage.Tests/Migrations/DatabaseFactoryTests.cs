namespace Storage.Tests.Migrations;

/// <summary>Which database the settings open, and how it is named in logs and messages (never with its password).</summary>
public sealed class DatabaseFactoryTests
{
    [Fact]
    public async Task Create_Postgres_DisplayNameOmitsPassword()
    {
        var options = new StorageOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=db.internal;Port=5432;Database=commandcentre;Username=silo;Password=s3cret",
        };

        await using var database = (PostgresDatabase)DatabaseFactory.Create(options);

        Assert.Equal("Host=db.internal;Port=5432;Database=commandcentre;Username=silo", database.DisplayName);
    }

    [Fact]
    public async Task Create_PostgresPasswordUnderItsAlias_DisplayNameOmitsPassword()
    {
        var options = new StorageOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Server=db.internal;Database=commandcentre;User Id=silo;PWD=s3cret",
        };

        await using var database = (PostgresDatabase)DatabaseFactory.Create(options);

        Assert.DoesNotContain("s3cret", database.DisplayName, StringComparison.Ordinal);
        Assert.Contains("db.internal", database.DisplayName, StringComparison.Ordinal);
        Assert.Contains("commandcentre", database.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Sqlite_ReturnsSqliteDatabaseNamedByItsFile()
    {
        var options = new StorageOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=commandcentre.db" };

        var database = DatabaseFactory.Create(options);

        Assert.IsType<SqliteDatabase>(database);
        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal("Data Source=commandcentre.db", database.DisplayName);
    }

    [Fact]
    public void Create_EmptyConnectionString_ThrowsSettingsExceptionNamingTheSetting()
    {
        var options = new StorageOptions { Provider = DatabaseProvider.Postgres, ConnectionString = " " };

        var failure = Assert.Throws<SettingsException>(() => DatabaseFactory.Create(options));

        Assert.Contains("Storage:ConnectionString", failure.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", failure.Message, StringComparison.Ordinal);
    }
}
