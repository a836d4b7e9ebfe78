using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class DatabaseFactoryTests
{
    [Fact]
    public void Create_Postgres_DisplayNameOmitsPassword()
    {
        var options = new StorageOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=db.internal;Port=5432;Database=commandcentre;Username=silo;Password=s3cret",
        };

        using var database = (PostgresDatabase)DatabaseFactory.Create(options);

        Assert.Equal("Host=db.internal;Port=5432;Database=commandcentre;Username=silo", database.DisplayName);
    }

    [Fact]
    public void Create_Sqlite_ReturnsSqliteDatabaseNamedByItsFile()
    {
        var options = new StorageOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=commandcentre.db" };

        var database = DatabaseFactory.Create(options);

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal("Data Source=commandcentre.db", database.DisplayName);
    }

    [Fact]
    public void Create_EmptyConnectionString_ThrowsNamingTheSetting()
    {
        var options = new StorageOptions { Provider = DatabaseProvider.Postgres, ConnectionString = " " };

        var failure = Assert.Throws<InvalidOperationException>(() => DatabaseFactory.Create(options));

        Assert.Contains("Storage:ConnectionString", failure.Message, StringComparison.Ordinal);
    }
}
