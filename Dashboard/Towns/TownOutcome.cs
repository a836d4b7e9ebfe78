using Grains.Abstractions.Packaging;

namespace Dashboard.Towns;

/// <summary>The outcome of an assignment form as the page words it, read back from the state as it is now.</summary>
/// <param name="Result">How the form ended.</param>
/// <param name="CreditCode">The enterprise of the form.</param>
/// <param name="EnterpriseName">Its name, when it is in the town.</param>
/// <param name="OfficialId">The official chosen (kept so the form shows the choice again).</param>
/// <param name="OfficialName">The chosen official's name, when known.</param>
/// <param name="CurrentOfficials">The names of the officials who package the enterprise now.</param>
/// <param name="Coverage">The town's 包联覆盖率 now.</param>
public sealed record TownOutcome(
    PackagingAssignmentResult Result,
    string CreditCode,
    string? EnterpriseName,
    string OfficialId,
    string? OfficialName,
    IReadOnlyList<string> CurrentOfficials,
    PackagingCoverage Coverage)
{
    /// <summary>Outcomes shown next to the row's field rather than above the lists.</summary>
    public bool IsFieldError => Result is PackagingAssignmentResult.NoOfficialChosen
        or PackagingAssignmentResult.OfficialUnknown or PackagingAssignmentResult.LeaderNotAssignable;
}
