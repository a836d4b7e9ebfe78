using Grains.Abstractions.District;

namespace Grains.Demo;

/// <summary>What a demo load wrote, and the district's figures after the recount.</summary>
public sealed record DemoLoadResult(
    DistrictProfile District,
    int Towns,
    int Stations,
    int Enterprises,
    int Officials,
    int Projects,
    int Appeals,
    int OpenAppealsReviewed,
    DistrictFigures Figures,
    TimeSpan Elapsed);
