using Dashboard.Projects;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Storage.ReadModels;
using Orleans;

namespace Dashboard.Enterprises;

/// <summary>Gathers an enterprise's page: its grain (profile, officials), the officials' grains (profiles, visit logs)
/// and the read model (appeals, projects).</summary>
internal sealed class EnterpriseDossiers(
    IGrainFactory grains, EnterpriseQueries enterprises, AppealQueries appeals, StewardProjects projects, ProjectQueries projectList)
{
    public const int AppealPageSize = 20;

    /// <summary>The enterprise's profile and package officials' ids, or null when no enterprise has this code.</summary>
    public async Task<(EnterpriseProfile Profile, IReadOnlyList<string> OfficialIds)?> FindAsync(string creditCode)
    {
        if (string.IsNullOrWhiteSpace(creditCode) || !await enterprises.ExistsAsync(creditCode))
        {
            return null;
        }

        var grain = grains.GetGrain<IEnterpriseGrain>(creditCode);
        var profile = await grain.GetProfile();
        return profile is null ? null : (profile, [.. await grain.GetOfficials()]);
    }

    /// <summary>Whether the official is the steward (项目管家) of a project the enterprise owns; from the read model.</summary>
    public async Task<bool> StewardsProjectOfAsync(string? officialId, string creditCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(officialId))
        {
            return false;
        }

        var stewarded = await projectList.ListAsync(new ProjectListQuery { StewardOfficialId = officialId, Limit = SqlFilterLimit }, cancellationToken);
        return stewarded.Items.Any(p => string.Equals(p.OwnerCreditCode, creditCode, StringComparison.Ordinal));
    }

    // The read model's largest page: one steward has far fewer projects.
    private const int SqlFilterLimit = 500;

    public async Task<EnterpriseDossier> LoadAsync(EnterpriseProfile profile, IReadOnlyList<string> officialIds, int appealPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var officials = new List<OfficialProfile>();
        var visits = new List<EnterpriseVisit>();
        foreach (var id in officialIds)
        {
            var official = grains.GetGrain<IOfficialGrain>(id);
            if (await official.GetProfile() is not { } officialProfile)
            {
                continue;
            }

            officials.Add(officialProfile);
            visits.AddRange((await official.GetVisits())
                .Where(v => string.Equals(v.EnterpriseCreditCode, profile.CreditCode, StringComparison.Ordinal))
                .Select(v => new EnterpriseVisit(officialProfile, v)));
        }

        var appealList = await appeals.ListAsync(new AppealListQuery
        {
            EnterpriseCreditCode = profile.CreditCode,
            Offset = Math.Max(0, appealPage - 1) * AppealPageSize,
            Limit = AppealPageSize,
        }, cancellationToken);
        var owned = await projects.OwnedByAsync(profile.CreditCode, cancellationToken);
        return new EnterpriseDossier(profile, officials,
            [.. visits.OrderByDescending(v => v.Visit.Date).ThenByDescending(v => v.Visit.RecordedAt)], appealList, owned);
    }
}
