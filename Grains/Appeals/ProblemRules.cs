using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Common;
using Orleans;

namespace Grains.Appeals;

/// <summary>Turns a problem found on a visit or a project into an appeal. Its id is derived from where it was found,
/// so raising it again after a failure finds the appeal already there instead of raising a second one.</summary>
internal static class ProblemRules
{
    public static void Check(ProblemReport problem, AppealLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(problem);
        TextRules.Require(problem.Title, "field.title", lifecycle.Settings.MaxTitleLength);
        TextRules.Require(problem.Text, "field.text", lifecycle.Settings.MaxTextLength);
        lifecycle.Sla.Category(problem.Category);
        if (!problem.Attachments.IsDefault && problem.Attachments.Length > lifecycle.Settings.MaxAttachments)
        {
            throw new DomainException(ErrorCodes.AppealTooManyAttachments, lifecycle.Settings.MaxAttachments);
        }

        Validation.Location(problem.Location);
    }

    public static async Task<AppealReceipt> RaiseAsync(
        IGrainFactory grains, string appealId, ProblemReport problem, EnterpriseProfile enterprise, AppealChannel channel,
        string? projectId, AppealActor actor)
    {
        var appeal = grains.GetGrain<IAppealGrain>(appealId);
        if (await appeal.Get() is { } existing)
        {
            return new AppealReceipt(existing, []);
        }

        var intake = new AppealIntake(appealId, enterprise.CreditCode, enterprise.TownCode, channel, problem.Category, problem.Priority,
            problem.Title, problem.Text)
        {
            Attachments = problem.Attachments.IsDefault ? [] : problem.Attachments,
            Location = problem.Location ?? enterprise.Location,
            ProjectId = projectId,
        };
        return await appeal.Submit(intake, actor);
    }
}
