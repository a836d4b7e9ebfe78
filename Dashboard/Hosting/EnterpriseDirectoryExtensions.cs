using Dashboard.Appeals;
using Dashboard.Enterprises;
using Dashboard.Field;
using Dashboard.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Hosting;

internal static class EnterpriseDirectoryExtensions
{
    public static WebApplicationBuilder AddEnterpriseDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnterpriseDirectory>();
        return builder;
    }

    /// <summary>The directory's CSV export: the list the page shows under the same filters and the same scope.</summary>
    public static WebApplication MapEnterpriseDirectory(this WebApplication app)
    {
        app.MapGet("/enterprises/export.csv", ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = EnterpriseAccess.PageRoles });
        return app;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext context, EnterpriseDirectory directory, FieldLabels labels, IStringLocalizer<EnterpriseDirectoryText> text,
        TimeProvider clock, ILogger<EnterpriseDirectory> logger)
    {
        var (request, refusal) = await directory.ResolveAsync(context.User, EnterpriseDirectoryFilter.From(context.Request.Query), context.RequestAborted);
        if (request is null)
        {
            FieldRequest.Forbid(context, logger, refusal ?? "enterprise directory export");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (request.Filter.Problems is [var first, ..])
        {
            return Results.BadRequest(first.Describe(text));
        }

        var rows = (await directory.AllAsync(request, context.RequestAborted))
            .Select(e => (IReadOnlyList<object>)
            [
                e.CreditCode, e.Name, request.TownName(e.TownCode), request.StationName(e.StationCode), labels.Industry(e.Industry),
                labels.Size(e.Size), labels.CreditLevel(e.CreditLevel), e.OfficialCount,
            ])
            .ToList();
        string[] headers =
        [
            text["Col_CreditCode"], text["Col_Name"], text["Col_Town"], text["Col_Station"], text["Col_Industry"],
            text["Col_Size"], text["Col_Credit"], text["Col_Officials"],
        ];
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"enterprises-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
        return Results.File(CsvExport.Write(new ExportTable(text["ExportTitle"], text["ExportTitle"], headers, rows)), "text/csv; charset=utf-8", name);
    }
}
