using Grains.Integrity;
using Microsoft.Data.Sqlite;
using Storage;

namespace Grains.Tests.Integrity;

/// <summary>A silo finds its integrity key before it starts: on the embedded SQLite default it makes one beside the database;
/// on PostgreSQL it refuses to start without one.</summary>
public sealed class IntegrityStartupTests
{
    private static Dictionary<string, string?> WithoutKey(TestDatabase database)
    {
        var settings = TestSiloHost.Settings(database.Options, "dist-1");
        settings.Remove($"Integrity:Keys:{TestSiloHost.IntegrityKeyId}");
        return settings;
    }

    [Fact]
    public async Task Start_PostgresWithoutIntegrityKey_RefusesWithASettingsError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        var error = await Assert.ThrowsAsync<SettingsException>(() => TestSiloHost.StartAsync(WithoutKey(database)));

        Assert.StartsWith("Integrity:Keys is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SqliteWithoutIntegrityKey_MakesTheKeyFileBesideTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = IntegrityKeySource.DefaultKeyFile(database.ConnectionString);
        try
        {
            using (var silo = await TestSiloHost.StartAsync(WithoutKey(database)))
            {
                await silo.StopAsync();
            }

            Assert.Equal(Path.GetDirectoryName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource), Path.GetDirectoryName(file));
            Assert.True(File.Exists(file), file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
