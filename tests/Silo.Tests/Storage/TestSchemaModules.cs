using Silo.Storage;

namespace Silo.Tests.Storage;

/// <summary>The schema modules embedded in this test assembly under Storage/Sql.</summary>
internal static class TestSchemaModules
{
    public static SchemaModule Alpha { get; } = Create("alpha");

    public static SchemaModule Beta { get; } = Create("beta");

    public static SchemaModule Broken { get; } = Create("broken");

    public static SchemaModule Gappy { get; } = Create("gappy");

    public static SchemaModule Create(string name) =>
        new(name, typeof(TestSchemaModules).Assembly, $"Silo.Tests.Storage.Sql.{name}");
}
