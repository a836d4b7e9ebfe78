using System.Security.Claims;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;
using Storage.ReadModels;

namespace Dashboard.Appeals;

/// <summary>The appeal workbench as a JSON API under <c>/api/appeals</c>, for systems that feed the closed loop (a 12345
/// hotline system) and for the load and failover benchmarks. The same rules as the pages: the role and scope are checked
/// on the server for every call, a command carries the version it was decided on, and a refusal names its code and field.
/// Cookie sign-in as for the pages; a JSON body is required, which a cross-site form cannot send. A reply (反馈) needs its
/// evidence files and is given on the appeal page.</summary>
internal static class AppealApi
{
    public const string Prefix = "/api/appeals";

    public static WebApplication MapAppealApi(this WebApplication app)
    {
        // Refusals answer 401/403, never the sign-in page: the bodies are read by the handlers, so the framework does not
        // infer that these are API endpoints.
        var api = app.MapGroup(Prefix).RequireAuthorization().DisableAntiforgery().DisableCookieRedirect();
        api.MapPost("/", IntakeAsync).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = DashboardRoles.Dispatcher });
        api.MapGet("/{id}", GetAsync);
        api.MapPost("/{id}/route", (string id, HttpRequest request, ClaimsPrincipal user, AppealCommands commands) =>
            RunAsync<RouteBody>(request, body => RunAsync(commands, user, id, AppealAction.Route, body.Version, (g, a) => g.Route(a, body.DepartmentCode))));
        api.MapPost("/{id}/take-over", (string id, HttpRequest request, ClaimsPrincipal user, AppealCommands commands) =>
            RunAsync<VersionBody>(request, body => RunAsync(commands, user, id, AppealAction.TakeOver, body.Version, (g, a) => g.TakeOver(a))));
        api.MapPost("/{id}/supervise", (string id, HttpRequest request, ClaimsPrincipal user, AppealCommands commands) =>
            RunAsync<TextBody>(request, body => RunAsync(commands, user, id, AppealAction.Supervise, body.Version, (g, a) => g.Supervise(a, body.Text ?? string.Empty))));
        api.MapPost("/{id}/close", (string id, HttpRequest request, ClaimsPrincipal user, AppealCommands commands) =>
            RunAsync<TextBody>(request, body => RunAsync(commands, user, id, AppealAction.Close, body.Version, (g, a) => g.Close(a, body.Text))));
        return app;
    }

    /// <summary>受理: <see cref="IntakeBody.Id"/> is chosen by the caller (32 hex digits), so a retried post finds its appeal
    /// instead of raising a second one.</summary>
    private static async Task<IResult> IntakeAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, AppealWorkbenchQueries queries, AppealDirectory directory, HttpContext context)
    {
        if (await ApiBody.ReadAsync<IntakeBody>(request) is not { } body)
        {
            return MalformedBody(request);
        }

        if (!Guid.TryParseExact(body.Id, "N", out _))
        {
            return Problem(StatusCodes.Status400BadRequest, "appeal.id", "id must be 32 hexadecimal digits chosen by the caller", "Id");
        }

        if (!Enum.IsDefined(body.Channel) || !Enum.IsDefined(body.Priority) || directory.Categories.All(c => c.Code != body.Category))
        {
            return Problem(StatusCodes.Status400BadRequest, "appeal.intake", "channel, priority or category is not one of the known values", "Category");
        }

        var code = body.EnterpriseCreditCode?.Trim() ?? string.Empty;
        // A code longer than any name or code is unknown without asking the database (a LIKE pattern has a size limit).
        var enterprise = code.Length > EnterpriseListQuery.MaxSearchLength
            ? null
            : (await queries.FindEnterprisesAsync(directory.DistrictCode, code, 2, context.RequestAborted))
                .FirstOrDefault(m => string.Equals(m.CreditCode, code, StringComparison.OrdinalIgnoreCase));
        if (enterprise is null)
        {
            return Problem(StatusCodes.Status404NotFound, ErrorCodes.EnterpriseUnknown, $"no enterprise with credit code {code}", "EnterpriseCreditCode");
        }

        var intake = new AppealIntake(body.Id, enterprise.CreditCode, enterprise.TownCode, body.Channel, body.Category ?? string.Empty,
            body.Priority, body.Title?.Trim() ?? string.Empty, body.Text?.Trim() ?? string.Empty);
        var grain = grains.GetGrain<IAppealGrain>(intake.Id);
        var actor = AppealAccess.Actor(user);
        try
        {
            var receipt = await grain.Submit(intake, actor);
            return Results.Created($"{Prefix}/{intake.Id}", new AppealState(receipt.Appeal.Id, receipt.Appeal.Status, receipt.Appeal.EventCount));
        }
        catch (DomainException exists) when (exists.Code == ErrorCodes.AppealExists)
        {
            var appeal = (await grain.Get())!;
            var history = await grain.GetHistory();
            return history.Length > 0 && history[0].ActorId == actor.Id
                ? Results.Ok(new AppealState(appeal.Id, appeal.Status, appeal.EventCount))
                : Problem(StatusCodes.Status409Conflict, exists.Code, AppealErrors.Message(exists), "Id");
        }
        catch (DomainException refused)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, refused.Code, AppealErrors.Message(refused), AppealErrors.IntakeField(refused));
        }
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, AppealLookup appeals)
    {
        if (await appeals.GetAsync(id) is not { } appeal)
        {
            return Results.NotFound();
        }

        return AppealAccess.CanSee(user, appeal) ? Results.Ok(new AppealState(appeal.Id, appeal.Status, appeal.EventCount)) : Results.Forbid();
    }

    private static async Task<IResult> RunAsync(
        AppealCommands commands, ClaimsPrincipal user, string id, AppealAction action, long version, Func<IAppealGrain, AppealActor, Task<Appeal>> command)
    {
        Appeal? after = null;
        var outcome = await commands.RunAsync(user, id, action, version, async (grain, actor) => after = await command(grain, actor));
        return outcome.Result switch
        {
            CommandResult.Done => Results.Ok(new AppealState(after!.Id, after.Status, after.EventCount)),
            CommandResult.AlreadyDone => Results.Ok(new AppealState(id, null, null)),
            CommandResult.Stale => Problem(StatusCodes.Status409Conflict, outcome.Error!.Code, AppealErrors.Message(outcome.Error), "Version"),
            CommandResult.Refused => Problem(StatusCodes.Status422UnprocessableEntity, outcome.Error!.Code, AppealErrors.Message(outcome.Error), null),
            CommandResult.NotFound => Results.NotFound(),
            _ => Results.Forbid(),
        };
    }

    /// <summary>Runs <paramref name="command"/> with the call's body, or answers 400 when the body cannot be read.</summary>
    private static async Task<IResult> RunAsync<TBody>(HttpRequest request, Func<TBody, Task<IResult>> command)
        where TBody : class =>
        await ApiBody.ReadAsync<TBody>(request) is { } body ? await command(body) : MalformedBody(request);

    private static IResult MalformedBody(HttpRequest request)
    {
        var text = request.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AppealsText>>();
        return Problem(StatusCodes.Status400BadRequest, ApiBody.Malformed, text["ApiMalformedBody"], null);
    }

    private static IResult Problem(int status, string code, string message, string? field) =>
        Results.Json(new ApiProblem(code, message, field), statusCode: status);

    /// <summary>An appeal as the API answers it: its status and version (the version a next command carries).</summary>
    public sealed record AppealState(string Id, AppealStatus? Status, long? Version);

    /// <summary>Why a call was refused: the stable error code, the message in the caller's language, the field it concerns.</summary>
    public sealed record ApiProblem(string Code, string Message, string? Field);

    public sealed record IntakeBody(
        string Id, string? EnterpriseCreditCode, AppealChannel Channel, string? Category, AppealPriority Priority, string? Title, string? Text);

    public sealed record VersionBody(long Version);

    public sealed record RouteBody(long Version, string? DepartmentCode);

    public sealed record TextBody(long Version, string? Text);
}
