using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Towns;
using Grains.Enterprises;
using Orleans;

namespace Dashboard.Towns;

/// <summary>Turns the outcome named in the redirect's query into what the page says, checked against the state:
/// a success is reported only while the official really packages the enterprise, and nothing is said about an
/// enterprise outside the town, so a hand-made query can neither fake a change nor peek into another grid.</summary>
internal sealed class TownOutcomeReader(IGrainFactory grains, TownReadModel readModel)
{
    public async Task<TownOutcome?> ReadAsync(string townCode, string? result, string? creditCode, string? officialId, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PackagingAssignmentResult>(result, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            return null;
        }

        var coverage = await grains.GetGrain<ITownGrain>(townCode).GetCoverage();
        officialId ??= "";
        if (creditCode is null || !UnifiedSocialCreditCode.IsValid(creditCode))
        {
            return kind == PackagingAssignmentResult.EnterpriseNotInTown ? new TownOutcome(kind, creditCode ?? "", null, officialId, null, [], coverage) : null;
        }

        var enterprise = grains.GetGrain<IEnterpriseGrain>(creditCode);
        var profile = await enterprise.GetProfile();
        if (profile is null || !string.Equals(profile.TownCode, townCode, StringComparison.Ordinal))
        {
            return kind == PackagingAssignmentResult.EnterpriseNotInTown ? new TownOutcome(kind, creditCode, null, officialId, null, [], coverage) : null;
        }

        var current = await enterprise.GetOfficials();
        var names = await readModel.OfficialsAsync([.. current, officialId], cancellationToken);
        var currentNames = current.Select(id => names.TryGetValue(id, out var o) ? o.Name : id).ToList();
        var officialName = names.TryGetValue(officialId, out var chosen) ? chosen.Name : null;
        var stillTrue = kind switch
        {
            PackagingAssignmentResult.Assigned or PackagingAssignmentResult.AlreadyAssigned => current.Contains(officialId),
            PackagingAssignmentResult.Stale => current.Length > 0,
            PackagingAssignmentResult.EnterpriseNotInTown => false,
            _ => true,
        };
        return stillTrue ? new TownOutcome(kind, creditCode, profile.Name, officialId, officialName, currentNames, coverage) : null;
    }
}
