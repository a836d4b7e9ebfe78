namespace Storage.Tests.Migrations;

/// <summary>The schema modules embedded in this test assembly under Migrations/Sql.</summary>
internal static class TestSchemaModules
{
    public const string ResourceRoot = "Storage.Tests.Migrations.Sql";

    public static SchemaModule Alpha { get; } = Create("alpha");

    public static SchemaModule Beta { get; } = Create("beta");

    public static SchemaModule Broken { get; } = Create("broken");

    public static SchemaModule Gappy { get; } = Create("gappy");

    public static SchemaModule Create(string name) => new(name, typeof(TestSchemaModules).Assembly, $"{ResourceRoot}.{name}");
}
