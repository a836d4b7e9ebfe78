using System.Globalization;
using Dashboard.Components.Pages.Towns;
using Dashboard.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Towns;

/// <summary>The town page's endpoints besides the page itself: its map data, the live fragment htmx re-fetches,
/// and the "assign an official" form post. Each one is guarded by the same town-scope policy as the page.</summary>
internal static class TownEndpoints
{
    /// <summary>Form field names of the assignment form.</summary>
    public const string EnterpriseField = "enterprise";
    public const string OfficialField = "official";
    public const string OfficialsWhenShownField = "shown";
    public const string PageField = "ep";

    public static string PagePath(string townCode) => $"/towns/{Uri.EscapeDataString(townCode)}";

    public static string MapPath(string townCode) => $"{PagePath(townCode)}/map.json";

    public static string LivePath(string townCode) => $"{PagePath(townCode)}/live";

    public static string AssignPath(string townCode) => $"{PagePath(townCode)}/assignments";

    public static IEndpointRouteBuilder MapTownEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var town = endpoints.MapGroup("/towns/{" + TownPolicies.RouteKey + "}");

        town.MapGet("/map.json", async Task<Results<JsonHttpResult<TownMap>, NotFound>> (string code, TownDirectory directory, TownPageLoader loader, HttpContext context) =>
        {
            var profile = await directory.FindAsync(code);
            return profile is null ? TypedResults.NotFound() : TypedResults.Json(await loader.MapAsync(profile, context.RequestAborted));
        }).RequireAuthorization(TownPolicies.ViewTown);

        town.MapGet("/live", async Task<IResult> (string code, int? ap, int? ep, TownDirectory directory, TownPageLoader loader, HttpContext context) =>
        {
            if (await directory.FindAsync(code) is null)
            {
                return TypedResults.NotFound();
            }

            var model = await loader.LoadLiveAsync(code, ap ?? 1, ep ?? 1, context.RequestAborted);
            return new RazorComponentResult<TownLiveView>(new Dictionary<string, object?> { [nameof(TownLiveView.Model)] = model });
        }).RequireAuthorization(TownPolicies.ViewTown);

        town.MapPost("/assignments", async Task<IResult> (string code, HttpContext context, IAntiforgery antiforgery, TownDirectory directory, PackagingAssigner assigner) =>
        {
            if (await PostedForm.ReadValidAsync(context, antiforgery) is not { } form)
            {
                return PostedForm.Refused(context);
            }

            if (await directory.FindAsync(code) is null)
            {
                return TypedResults.NotFound();
            }

            var creditCode = form[EnterpriseField].ToString().Trim().ToUpperInvariant();
            var officialId = form[OfficialField].ToString().Trim();
            var shown = int.TryParse(form[OfficialsWhenShownField], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var page = int.TryParse(form[PageField], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
            var result = await assigner.AssignAsync(code, creditCode, officialId, shown, context.User.Identity?.Name);

            // Post/redirect/get: a reload shows the outcome again instead of posting again. The page words the
            // outcome from the state as it is then, so a hand-made query cannot show a change that did not happen.
            var location = $"{PagePath(code)}?{PageField}={page.ToString(CultureInfo.InvariantCulture)}&r={result}" +
                $"&e={Uri.EscapeDataString(creditCode)}&o={Uri.EscapeDataString(officialId)}#town-outcome";
            context.Response.Headers.Location = location;
            return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
        }).RequireAuthorization(TownPolicies.AssignInTown);

        return endpoints;
    }
}
