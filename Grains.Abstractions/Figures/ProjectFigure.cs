using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;

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
public sealed record ProjectFigure(
    string ProjectId,
    string Name,
    string TownCode,
    GeoPoint? Location,
    ProjectStage Stage,
    int Year,
    decimal PlannedAnnualInvestment,
    decimal CompletedAnnualInvestment);
