namespace Grains.Abstractions.Projects;

/// <summary>Which stage a key project may move to: forward one stage at a time, so no milestone is skipped, and three moves
/// back, each with a reason, because each undoes paperwork, not work on the ground: 签约 → 洽谈 (the agreement was cancelled
/// and is renegotiated), 审批 → 签约 (an approval was refused and the plan is reworked), 开工 → 审批 (work stopped to complete
/// missing permits, 停工补办). From 建设 on nothing moves back. The project grain enforces this; screens offer the same moves.</summary>
public static class ProjectStageMoves
{
    /// <summary>Whether a project at <paramref name="from"/> may move to <paramref name="to"/>; never to an undefined stage.</summary>
    public static bool IsAllowed(ProjectStage from, ProjectStage to) =>
        Enum.IsDefined(to) && Enum.IsDefined(from) && (to == from + 1 || IsBackward(from, to));

    /// <summary>Whether the move goes back (and so needs a reason).</summary>
    public static bool IsBackward(ProjectStage from, ProjectStage to) => (from, to) is
        (ProjectStage.Signed, ProjectStage.Negotiation)
        or (ProjectStage.Approval, ProjectStage.Signed)
        or (ProjectStage.Started, ProjectStage.Approval);

    /// <summary>The stages a project at <paramref name="from"/> may move to, the next one first.</summary>
    public static IReadOnlyList<ProjectStage> From(ProjectStage from) =>
        [.. Enum.GetValues<ProjectStage>().Where(to => IsAllowed(from, to)).OrderBy(to => to < from ? 1 : 0)];
}
