using Grains.Hosting;
using Silo.Storage;

namespace Dashboard.Hosting;

internal static class DomainExtensions
{
    /// <summary>Adds the domain (rules, read model, queries). The demo district is loaded on first start of
    /// the embedded SQLite default, unless "Domain:SeedDemoDistrict" says otherwise.</summary>
    public static WebApplicationBuilder AddDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddDomain(builder.Configuration);
        var explicitSeed = builder.Configuration[$"{DomainOptions.SectionName}:{nameof(DomainOptions.SeedDemoDistrict)}"];
        if (explicitSeed is null)
        {
            var provider = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()?.Provider ?? DatabaseProvider.Sqlite;
            builder.Services.PostConfigure<DomainOptions>(o => o.SeedDemoDistrict = provider == DatabaseProvider.Sqlite);
        }

        return builder;
    }
}
