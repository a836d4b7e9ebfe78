using Storage.ReadModels;

namespace Dashboard.Enterprises;

/// <summary>The part of the district a user's enterprise directory covers, the same part <see cref="EnterpriseAccess"/> lets
/// them open: the whole district (no town, no reach), one town's grid, or an official's reach.</summary>
/// <param name="DistrictCode">The district.</param>
/// <param name="TownCode">The town operator's own town, fixed whatever the link says.</param>
/// <param name="Reach">A steward's enterprises: those they package and those owning the projects they steward.</param>
internal sealed record EnterpriseDirectoryScope(string DistrictCode, string? TownCode, OfficialReach? Reach);
