using Silo.Storage;

namespace Silo.Tests.Storage;

public sealed class SchemaScriptsTests
{
    [Fact]
    public void Find_SiloModule_ReturnsVersionOneForEachProvider()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var scripts = SchemaScripts.Find(StorageInitializer.SiloModule, provider);

            var script = Assert.Single(scripts);
            Assert.Equal(1, script.Version);
            Assert.Contains("CREATE TABLE grain_state", script.Sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Find_PrefixWrittenAsFolderPath_FindsSameScriptsInVersionOrder()
    {
        var module = new SchemaModule("alpha", typeof(SchemaScriptsTests).Assembly, "Silo.Tests/Storage/Sql/alpha/");

        var scripts = SchemaScripts.Find(module, DatabaseProvider.Sqlite);

        Assert.Equal([1, 2], scripts.Select(script => script.Version));
        Assert.All(scripts, script => Assert.DoesNotContain("archive", script.ResourceName, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_NoScriptsUnderPrefix_ThrowsListingEmbeddedScripts()
    {
        var module = new SchemaModule("nothing", typeof(SchemaScriptsTests).Assembly, "Silo.Tests.Storage.Sql.nothing");

        var failure = Assert.Throws<InvalidOperationException>(() => SchemaScripts.Find(module, DatabaseProvider.Postgres));

        Assert.Contains("Silo.Tests.Storage.Sql.nothing.postgres.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Silo.Tests.Storage.Sql.alpha.postgres.001_alpha_items.sql", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_VersionSkipped_ThrowsNamingTheMissingVersion()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => SchemaScripts.Find(TestSchemaModules.Gappy, DatabaseProvider.Sqlite));

        Assert.Contains("skips SQLite version 2", failure.Message, StringComparison.Ordinal);
    }
}
