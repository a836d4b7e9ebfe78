using Orleans;

namespace Grains.Abstractions.District;

/// <summary>One department's line in the public ranking (考核晾晒).</summary>
/// <param name="Rank">1 for the best department.</param>
/// <param name="DepartmentCode">The department's key.</param>
/// <param name="NameZh">Its Chinese name.</param>
/// <param name="NameEn">Its English name.</param>
/// <param name="Open">Appeals it is handling now.</param>
/// <param name="Overdue">Of those, how many are red.</param>
/// <param name="Closed">Appeals it closed this year.</param>
/// <param name="OnTimeRate">Share of this year's closures closed on time, 0..1; null when it closed nothing this year.</param>
/// <param name="SatisfactionRate">Share of this year's rated closures rated 满意 or 基本满意, 0..1; null when none was rated.</param>
[GenerateSerializer, Immutable, Alias("cc.DepartmentRankingRow")]
public sealed record DepartmentRankingRow(
    [property: Id(0)] int Rank,
    [property: Id(1)] string DepartmentCode,
    [property: Id(2)] string NameZh,
    [property: Id(3)] string NameEn,
    [property: Id(4)] int Open,
    [property: Id(5)] int Overdue,
    [property: Id(6)] int Closed,
    [property: Id(7)] double? OnTimeRate,
    [property: Id(8)] double? SatisfactionRate);
