using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;

namespace Grains.Abstractions.District;

/// <summary>A key project as a marker on the wall map.</summary>
/// <param name="ProjectCode">The project's key.</param>
/// <param name="Name">Its name.</param>
/// <param name="TownCode">The town it is in.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Stage">Its stage (洽谈 … 投产).</param>
/// <param name="BehindSchedule">Whether its investment completion trails 时序进度.</param>
/// <param name="CompletionRate">Investment completed ÷ planned this year, 0..1.</param>
public sealed record ProjectMarker(string ProjectCode, string Name, string TownCode, GeoPoint Location, ProjectStage Stage, bool BehindSchedule, double CompletionRate);
