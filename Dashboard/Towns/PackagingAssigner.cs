using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Grains.Enterprises;
using Orleans;

namespace Dashboard.Towns;

/// <summary>The "assign an official" command of the town page: checks the form against the enterprise as it is
/// now, then asks the official's grain to package the enterprise (the official owns the assignment and tells the
/// enterprise). The caller has checked that the user may assign in the town.</summary>
internal sealed class PackagingAssigner(IGrainFactory grains, ILogger<PackagingAssigner> logger)
{
    private const int MaxOfficialIdLength = 64;

    /// <param name="townCode">The town of the page the form was on.</param>
    /// <param name="creditCode">The enterprise of the form's row.</param>
    /// <param name="officialId">The official chosen, if any.</param>
    /// <param name="officialsWhenShown">How many officials the enterprise had when the form was shown (0: unpackaged).</param>
    /// <param name="userName">Who assigns, for the log.</param>
    public async Task<PackagingAssignmentResult> AssignAsync(string townCode, string creditCode, string? officialId, int officialsWhenShown, string? userName)
    {
        // A code that cannot be a credit code is refused before it can name (and activate) a grain.
        if (!UnifiedSocialCreditCode.IsValid(creditCode))
        {
            return PackagingAssignmentResult.EnterpriseNotInTown;
        }

        var enterprise = grains.GetGrain<IEnterpriseGrain>(creditCode);
        var profile = await enterprise.GetProfile();
        if (profile is null || !string.Equals(profile.TownCode, townCode, StringComparison.Ordinal))
        {
            return PackagingAssignmentResult.EnterpriseNotInTown;
        }

        if (string.IsNullOrWhiteSpace(officialId))
        {
            return PackagingAssignmentResult.NoOfficialChosen;
        }

        var officials = await enterprise.GetOfficials();
        if (officials.Contains(officialId))
        {
            return PackagingAssignmentResult.AlreadyAssigned;
        }

        if (officials.Length != officialsWhenShown)
        {
            return PackagingAssignmentResult.Stale;
        }

        if (officialId.Length > MaxOfficialIdLength || !officialId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return PackagingAssignmentResult.OfficialUnknown;
        }

        var official = grains.GetGrain<IOfficialGrain>(officialId);
        var officialProfile = await official.GetProfile();
        if (officialProfile is null)
        {
            return PackagingAssignmentResult.OfficialUnknown;
        }

        if (officialProfile.Tier == OfficialTier.DistrictLeader)
        {
            return PackagingAssignmentResult.LeaderNotAssignable;
        }

        await official.Assign(creditCode);
        logger.LogInformation("{UserName} assigned official {OfficialId} to enterprise {CreditCode} in town {TownCode}", userName, officialId, creditCode, townCode);
        return PackagingAssignmentResult.Assigned;
    }
}
