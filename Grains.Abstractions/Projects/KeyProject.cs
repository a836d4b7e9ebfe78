using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.Projects;

/// <summary>A key construction or investment project (重点项目). Amounts are in 万元 (ten thousand yuan).</summary>
/// <param name="Id">The project's id.</param>
/// <param name="Name">The project's name.</param>
/// <param name="OwnerCreditCode">The owner enterprise's credit code.</param>
/// <param name="StewardOfficialId">The project steward (项目管家).</param>
/// <param name="TownCode">The town it is built in.</param>
/// <param name="Stage">The current stage.</param>
/// <param name="StartDate">When the project started (its registration in the key project list); nothing is done before it.</param>
/// <param name="TotalInvestment">The total planned investment.</param>
/// <param name="Year">The year the annual figures refer to.</param>
/// <param name="PlannedAnnualInvestment">Investment planned for <paramref name="Year"/> (年度计划投资).</param>
/// <param name="CompletedAnnualInvestment">Investment completed so far in <paramref name="Year"/> (已完成投资).</param>
[GenerateSerializer, Immutable, Alias("cc.KeyProject")]
public sealed record KeyProject(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string OwnerCreditCode,
    [property: Id(3)] string StewardOfficialId,
    [property: Id(4)] string TownCode,
    [property: Id(5)] ProjectStage Stage,
    [property: Id(6)] DateOnly StartDate,
    [property: Id(7)] decimal TotalInvestment,
    [property: Id(8)] int Year,
    [property: Id(9)] decimal PlannedAnnualInvestment,
    [property: Id(10)] decimal CompletedAnnualInvestment)
{
    /// <summary>The milestones (节点) with planned and actual dates.</summary>
    [Id(11)]
    public ImmutableArray<ProjectMilestone> Milestones { get; init; } = [];

    /// <summary>Where the project is.</summary>
    [Id(12)]
    public GeoPoint? Location { get; init; }

    /// <summary>How many changes the project has had since it was registered; a steward's form carries it, so that a
    /// change someone else made meanwhile is refused rather than overwritten.</summary>
    [Id(13)]
    public long Version { get; init; }
}

/// <summary>A project milestone (节点).</summary>
/// <param name="Name">What is reached, for example 主体结构封顶.</param>
/// <param name="Planned">When it is planned.</param>
/// <param name="Actual">When it was actually reached, once it was.</param>
[GenerateSerializer, Immutable, Alias("cc.ProjectMilestone")]
public sealed record ProjectMilestone(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly Planned,
    [property: Id(2)] DateOnly? Actual);

/// <summary>Investment completion against time-schedule progress (投资完成率 vs 时序进度).</summary>
/// <param name="CompletionRate">Completed ÷ planned annual investment (1 = 100 %).</param>
/// <param name="TimeProgress">Elapsed share of the year (时序进度).</param>
/// <param name="DifferencePoints">Completion minus time progress, in percentage points (positive = ahead).</param>
/// <param name="OnSchedule">Whether completion is at least the time progress.</param>
[GenerateSerializer, Immutable, Alias("cc.ScheduleProgress")]
public sealed record ScheduleProgress(
    [property: Id(0)] decimal CompletionRate,
    [property: Id(1)] decimal TimeProgress,
    [property: Id(2)] decimal DifferencePoints,
    [property: Id(3)] bool OnSchedule);
