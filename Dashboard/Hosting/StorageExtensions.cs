using Dashboard.Auth;
using Dashboard.Storage;

namespace Dashboard.Hosting;

internal static class StorageExtensions
{
    /// <summary>The dashboard's own tables (users) in the silo's database.</summary>
    public static WebApplicationBuilder AddDashboardStorage(this WebApplicationBuilder builder)
    {
        // One line to become `AddSingleton(new SchemaModule("dashboard", assembly, DashboardSchema.ResourcePrefix))`
        // when the silo's migrator lands.
        builder.Services.AddHostedService<DashboardSchema>();
        builder.Services.AddSingleton<UserStore>();
        return builder;
    }
}
