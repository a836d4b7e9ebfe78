using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;
using Orleans;

namespace Grains.Abstractions.Figures;

/// <summary>What the district and town figures and the wall map need to know about one key project.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Name">Its name.</param>
/// <param name="TownCode">The town it is built in.</param>
/// <param name="Location">Where it is, when known.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Year">The year its annual figures refer to.</param>
/// <param name="PlannedAnnualInvestment">Planned investment for that year, in 万元.</param>
/// <param name="CompletedAnnualInvestment">Investment completed in that year so far, in 万元.</param>
[GenerateSerializer, Immutable, Alias("cc.ProjectFigure")]
public sealed record ProjectFigure(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TownCode,
    [property: Id(3)] GeoPoint? Location,
    [property: Id(4)] ProjectStage Stage,
    [property: Id(5)] int Year,
    [property: Id(6)] decimal PlannedAnnualInvestment,
    [property: Id(7)] decimal CompletedAnnualInvestment);
