using System.Security.Claims;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Silo;

namespace Dashboard.Appeals;

/// <summary>Runs one workbench action on an appeal: checks role and scope, refuses a stale form (the appeal's history
/// grew since the form was rendered), recognises the same form posted twice, and turns a business-rule refusal into
/// the message the form shows.</summary>
internal sealed class AppealCommands(IGrainFactory grains, ILogger<AppealCommands> logger)
{
    public async Task<CommandOutcome> RunAsync(
        ClaimsPrincipal user, string appealId, AppealAction action, long postedVersion, Func<IAppealGrain, AppealActor, Task> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var grain = grains.GetGrain<IAppealGrain>(appealId);
        var appeal = await grain.Get();
        if (appeal is null)
        {
            return CommandOutcome.NotFound;
        }

        if (!AppealAccess.RoleMay(user, action) || !AppealAccess.CanSee(user, appeal))
        {
            logger.LogWarning("Forbidden appeal action {Action} on {AppealId} for user {UserName} with role {Role} and scope {Scope}",
                action, appealId, user.Identity?.Name, user.FindFirstValue(ClaimTypes.Role), user.FindFirstValue(Auth.DashboardClaims.Scope));
            return CommandOutcome.Forbidden;
        }

        var actor = AppealAccess.Actor(user);
        if (appeal.EventCount != postedVersion)
        {
            // The form's version points at the entry its own first post appended: the same person, the same action.
            var history = await grain.GetHistory();
            var repeated = postedVersion >= 0 && postedVersion < history.Length
                && history[(int)postedVersion].Kind == action.EventKind()
                && history[(int)postedVersion].ActorId == actor.Id;
            return repeated ? CommandOutcome.AlreadyDone : CommandOutcome.Stale;
        }

        try
        {
            await command(grain, actor);
            logger.LogInformation("Appeal {AppealId}: {Action} by {UserName}", appealId, action, actor.Id);
            return CommandOutcome.Done;
        }
        catch (DomainException refused)
        {
            return CommandOutcome.Refused(refused);
        }
    }
}

/// <summary>What became of a workbench action.</summary>
internal sealed record CommandOutcome(CommandResult Result, DomainException? Error = null)
{
    public static CommandOutcome Done { get; } = new(CommandResult.Done);

    public static CommandOutcome AlreadyDone { get; } = new(CommandResult.AlreadyDone);

    public static CommandOutcome Stale { get; } = new(CommandResult.Stale);

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
