using System.Security.Claims;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Orleans;

namespace Dashboard.Appeals;

/// <summary>Runs one workbench action on an appeal: checks role and scope, hands the grain the version the form was
/// rendered from (the grain refuses a stale form inside its own turn), recognises the same form posted twice, and turns a
/// business-rule refusal into the message the form shows.</summary>
internal sealed class AppealCommands(AppealLookup appeals, ILogger<AppealCommands> logger)
{
    public async Task<CommandOutcome> RunAsync(
        ClaimsPrincipal user, string appealId, AppealAction action, long postedVersion, Func<IAppealGrain, AppealActor, Task> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var grain = await appeals.FindAsync(appealId);
        var appeal = grain is null ? null : await grain.Get();
        if (grain is null || appeal is null)
        {
            return CommandOutcome.NotFound;
        }

        if (!AppealAccess.RoleMay(user, action) || !AppealAccess.CanSee(user, appeal))
        {
            logger.LogWarning("Forbidden appeal action {Action} on {AppealId} for user {UserName} with role {Role} and scope {Scope}",
                action, appealId, user.Identity?.Name, user.FindFirstValue(ClaimTypes.Role), user.FindFirstValue(Auth.DashboardClaims.Scope));
            return CommandOutcome.Forbidden;
        }

        var actor = AppealAccess.Actor(user) with { SeenVersion = postedVersion };
        try
        {
            await command(grain, actor);
            logger.LogDebug("Appeal {AppealId}: {Action} by {UserName}", appealId, action, actor.Id);
            return CommandOutcome.Done;
        }
        catch (DomainException refused) when (refused.Code == ErrorCodes.AppealChanged)
        {
            return await IsRepeatAsync(grain, action, actor) ? CommandOutcome.AlreadyDone : CommandOutcome.Stale(refused);
        }
        catch (DomainException refused)
        {
            return CommandOutcome.Refused(refused);
        }
    }

    /// <summary>Whether the entry right after the form's version is the one this form's own first post appended: the
    /// same person, the same action. Read after the refusal, so it only chooses the message.</summary>
    private static async Task<bool> IsRepeatAsync(IAppealGrain grain, AppealAction action, AppealActor actor)
    {
        var history = await grain.GetHistory();
        return actor.SeenVersion is { } seen && seen >= 0 && seen < history.Length
            && history[(int)seen].Kind == action.EventKind()
            && history[(int)seen].ActorId == actor.Id;
    }
}

/// <summary>What became of a workbench action.</summary>
internal sealed record CommandOutcome(CommandResult Result, DomainException? Error = null)
{
    public static CommandOutcome Done { get; } = new(CommandResult.Done);

    public static CommandOutcome AlreadyDone { get; } = new(CommandResult.AlreadyDone);

    public static CommandOutcome Stale(DomainException error) => new(CommandResult.Stale, error);

    public static CommandOutcome NotFound { get; } = new(CommandResult.NotFound);

    public static CommandOutcome Forbidden { get; } = new(CommandResult.Forbidden);

    public static CommandOutcome Refused(DomainException error) => new(CommandResult.Refused, error);
}

internal enum CommandResult
{
    Done,
    AlreadyDone,
    Stale,
    Refused,
    NotFound,
    Forbidden,
}
