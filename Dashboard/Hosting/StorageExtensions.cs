using Dashboard.Auth;
using Silo.Storage;

namespace Dashboard.Hosting;

internal static class StorageExtensions
{
    /// <summary>Scripts of the dashboard schema module: Storage/Sql/{sqlite|postgres}/NNN_name.sql.</summary>
    public const string SchemaResourcePrefix = "Dashboard.Storage.Sql";

    /// <summary>The dashboard's own tables (users) in the silo's database, migrated by the silo at start-up.</summary>
    public static WebApplicationBuilder AddDashboardStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSchemaModule(new SchemaModule("dashboard", typeof(StorageExtensions).Assembly, SchemaResourcePrefix));
        builder.Services.AddSingleton<UserStore>();
        return builder;
    }
}
