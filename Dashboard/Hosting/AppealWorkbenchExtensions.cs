using Dashboard.Appeals;
using Dashboard.Auth;
using Dashboard.Components.Pages.Appeals;
using Storage.ReadModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Hosting;

internal static class AppealWorkbenchExtensions
{
    /// <summary>The appeal workbench's services: its read-model queries, names, commands, exports and the live push of
    /// appeal changes to open appeal pages.</summary>
    public static WebApplicationBuilder AddAppealWorkbench(this WebApplicationBuilder builder)
    {
        // The JSON API reads and writes enums by name ("Hotline12345"), as the pages' forms do.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddScoped<AppealDirectory>();
        builder.Services.AddScoped<AppealCommands>();
        builder.Services.AddScoped<AppealLookup>();
        builder.Services.AddScoped<AppealExports>();
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddSingleton<AppealBroadcaster>();
        builder.Services.AddSingleton<Live.IDistrictLiveConsumer>(provider => provider.GetRequiredService<AppealBroadcaster>());
        return builder;
    }

    /// <summary>Lets a reply carry its full evidence allowance (Kestrel's default body limit is 30 MB). Before antiforgery,
    /// which reads the form first.</summary>
    public static WebApplication UseEvidenceUploadLimit(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/appeals", StringComparison.OrdinalIgnoreCase)
                && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = EvidenceUpload.MaxRequestBytes;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The workbench's endpoints that are not pages: the exports and the enterprise search fragment for intake.</summary>
    public static WebApplication MapAppealWorkbench(this WebApplication app)
    {
        var exports = app.MapGroup("/appeals/export").RequireAuthorization(new AuthorizeAttribute { Roles = AppealAccess.ExportRoles });
        exports.MapGet("/list.csv", async (HttpContext context, AppealExports export) =>
            Results.File(CsvExport.Write(await ListAsync(context, export)), "text/csv; charset=utf-8", FileName("appeals", "csv", context)));
        exports.MapGet("/list.xlsx", async (HttpContext context, AppealExports export) =>
            Results.File(XlsxExport.Write([await ListAsync(context, export)]), XlsxExport.ContentType, FileName("appeals", "xlsx", context)));
        exports.MapGet("/weekly.csv", async (HttpContext context, AppealExports export, AppealDirectory directory, TimeProvider clock) =>
            await WeeklyAsync(context, export, directory, clock, "csv"));
        exports.MapGet("/weekly.xlsx", async (HttpContext context, AppealExports export, AppealDirectory directory, TimeProvider clock) =>
            await WeeklyAsync(context, export, directory, clock, "xlsx"));

        app.MapGet("/appeals/{id}/evidence/{evidenceId:long}", DownloadEvidenceAsync).RequireAuthorization();

        // htmx sends the search box under its form name.
        app.MapGet("/appeals/enterprises", ([Microsoft.AspNetCore.Mvc.FromQuery(Name = "EnterpriseQuery")] string? query) =>
                new RazorComponentResult<EnterpriseResults>(new { Query = query ?? string.Empty }))
            .RequireAuthorization(new AuthorizeAttribute { Roles = Auth.DashboardRoles.Dispatcher });
        return app;
    }

    /// <summary>One stored evidence file, for those who may open the appeal: the workbench roles within their scope and
    /// the enterprise that filed it. Always a download, never rendered by the browser.</summary>
    private static async Task<IResult> DownloadEvidenceAsync(
        string id, long evidenceId, HttpContext context, IGrainFactory grains, EvidenceStore store, ILogger<EvidenceStore> logger)
    {
        var appeal = await grains.GetGrain<Grains.Abstractions.Appeals.IAppealGrain>(id).Get();
        if (appeal is null)
        {
            return Results.NotFound();
        }

        if (!AppealAccess.CanOpenEvidence(context.User, appeal))
        {
            logger.LogWarning("Forbidden evidence {EvidenceId} of appeal {AppealId} for user {UserName} with scope {Scope}",
                evidenceId, id, context.User.Identity?.Name, context.User.ScopeId());
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await store.ReadAsync(id, evidenceId, context.RequestAborted) is not { } file)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.Row.ContentType, file.Row.Name);
    }

    private static Task<ExportTable> ListAsync(HttpContext context, AppealExports export) =>
        export.ListAsync(AppealFilter.From(context.Request.Query), context.User, context.RequestAborted);

    private static async Task<IResult> WeeklyAsync(HttpContext context, AppealExports export, AppealDirectory directory, TimeProvider clock, string format)
    {
        var text = context.Request.Query["week"].ToString();
        IsoWeek week;
        if (text.Length == 0)
        {
            week = IsoWeek.Containing(directory.Local(clock.GetUtcNow()));
        }
        else if (!IsoWeek.TryParse(text, out week))
        {
            return Results.BadRequest("week: expected an ISO week such as 2026-W47");
        }

        var tables = await export.WeeklyAsync(week, context.RequestAborted);
        if (format == "xlsx")
        {
            return Results.File(XlsxExport.Write(tables), XlsxExport.ContentType, FileName($"weekly-{week}", "xlsx", context));
        }

        // CSV holds one table: ?table=towns for the towns, the departments otherwise.
        var towns = context.Request.Query["table"] == "towns";
        return Results.File(CsvExport.Write(tables[towns ? 1 : 0]), "text/csv; charset=utf-8",
            FileName($"weekly-{week}-{(towns ? "towns" : "departments")}", "csv", context));
    }

    private static string FileName(string stem, string extension, HttpContext context)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{now:yyyyMMdd-HHmm}.{extension}");
    }
}
