using Dashboard.Enterprises;
using Dashboard.Field;
using Dashboard.Projects;
using Dashboard.SelfService;

namespace Dashboard.Hosting;

internal static class FieldExtensions
{
    /// <summary>The field pages: the steward's projects, the enterprise page and the enterprise's self-service.</summary>
    public static WebApplicationBuilder AddFieldPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FieldLabels>();
        builder.Services.AddScoped<StewardProjects>();
        builder.Services.AddScoped<EnterpriseDossiers>();
        builder.Services.AddScoped<AppealStory>();
        return builder;
    }
}
