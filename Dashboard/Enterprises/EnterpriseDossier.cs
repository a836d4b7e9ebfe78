using Dashboard.Projects;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Storage.ReadModels;

namespace Dashboard.Enterprises;

/// <summary>Everything the enterprise page shows.</summary>
internal sealed record EnterpriseDossier(
    EnterpriseProfile Profile,
    IReadOnlyList<OfficialProfile> Officials,
    IReadOnlyList<EnterpriseVisit> Visits,
    Page<AppealListItem> Appeals,
    IReadOnlyList<ProjectProgressRow> Projects)
{
    public IReadOnlyList<string> OfficialIds { get; } = [.. Officials.Select(o => o.Id)];
}
