using System.Collections.Immutable;

namespace Grains.Abstractions.Appeals;

/// <summary>A cross-department task force (专班) led by a district leader, handling one appeal point to point.</summary>
/// <param name="LeaderOfficialId">The district leader leading it.</param>
/// <param name="DepartmentCodes">The departments in it; the first one leads the work.</param>
/// <param name="FormedAt">When it was formed.</param>
public sealed record TaskForce(string LeaderOfficialId, ImmutableArray<string> DepartmentCodes, DateTimeOffset FormedAt);
