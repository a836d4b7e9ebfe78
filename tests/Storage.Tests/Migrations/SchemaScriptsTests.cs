namespace Storage.Tests.Migrations;

/// <summary>Finding a module's scripts among embedded resources, before anything touches a database.</summary>
public sealed class SchemaScriptsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Find_OrleansModule_StartsWithTheQueryTableAndRunsWithoutGaps(DatabaseProvider provider)
    {
        var scripts = SchemaScripts.Find(StorageInitializer.OrleansModule, provider);

        Assert.Equal(Enumerable.Range(1, scripts.Count), scripts.Select(script => script.Version));
        Assert.Contains("CREATE TABLE OrleansQuery", scripts[0].Sql, StringComparison.Ordinal);
        Assert.Contains(scripts, script => script.Sql.Contains("CREATE TABLE OrleansStorage", StringComparison.Ordinal));
        Assert.Contains(scripts, script => script.Sql.Contains("CREATE TABLE OrleansRemindersTable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Find_AppModule_RunsWithoutGaps(DatabaseProvider provider)
    {
        var scripts = SchemaScripts.Find(StorageInitializer.AppModule, provider);

        Assert.NotEmpty(scripts);
        Assert.Equal(Enumerable.Range(1, scripts.Count), scripts.Select(script => script.Version));
    }

    [Fact]
    public void Find_PrefixWrittenAsFolderPath_FindsSameScriptsInVersionOrder()
    {
        var module = new SchemaModule("alpha", typeof(SchemaScriptsTests).Assembly, "Storage.Tests/Migrations/Sql/alpha/");

        var scripts = SchemaScripts.Find(module, DatabaseProvider.Sqlite);

        Assert.Equal([1, 2], scripts.Select(script => script.Version));
        Assert.All(scripts, script => Assert.DoesNotContain("archive", script.ResourceName, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_NoScriptsUnderPrefix_ThrowsListingEmbeddedScripts()
    {
        var module = TestSchemaModules.Create("nothing");

        var failure = Assert.Throws<InvalidOperationException>(() => SchemaScripts.Find(module, DatabaseProvider.Postgres));

        Assert.Contains($"{TestSchemaModules.ResourceRoot}.nothing.postgres.", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{TestSchemaModules.ResourceRoot}.alpha.postgres.001_alpha_items.sql", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_VersionSkipped_ThrowsNamingTheMissingVersion()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => SchemaScripts.Find(TestSchemaModules.Gappy, DatabaseProvider.Sqlite));

        Assert.Contains("skips SQLite version 2", failure.Message, StringComparison.Ordinal);
    }
}
