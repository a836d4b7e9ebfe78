using System.Collections.Immutable;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>A cross-department task force (专班) led by a district leader, handling one appeal point to point.</summary>
/// <param name="LeaderOfficialId">The district leader leading it.</param>
/// <param name="DepartmentCodes">The departments in it; the first one leads the work.</param>
/// <param name="FormedAt">When it was formed.</param>
[GenerateSerializer, Immutable, Alias("cc.TaskForce")]
public sealed record TaskForce(
    [property: Id(0)] string LeaderOfficialId,
    [property: Id(1)] ImmutableArray<string> DepartmentCodes,
    [property: Id(2)] DateTimeOffset FormedAt);
