using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;
using Orleans;

namespace Grains.Abstractions.District;

/// <summary>A key project as a marker on the wall map.</summary>
/// <param name="ProjectCode">The project's key.</param>
/// <param name="Name">Its name.</param>
/// <param name="TownCode">The town it is in.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Stage">Its stage (洽谈 … 投产).</param>
/// <param name="BehindSchedule">Whether its investment completion trails 时序进度.</param>
/// <param name="CompletionRate">Investment completed ÷ planned this year, 0..1.</param>
[GenerateSerializer, Immutable, Alias("cc.ProjectMarker")]
public sealed record ProjectMarker(
    [property: Id(0)] string ProjectCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string TownCode,
    [property: Id(3)] GeoPoint Location,
    [property: Id(4)] ProjectStage Stage,
    [property: Id(5)] bool BehindSchedule,
    [property: Id(6)] double CompletionRate);
