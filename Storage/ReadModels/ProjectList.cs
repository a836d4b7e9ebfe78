using Grains.Abstractions.Geo;
using Grains.Abstractions.Projects;

namespace Storage.ReadModels;

/// <summary>Which key projects to list; unset filters match everything. Ordered by id.</summary>
public sealed record ProjectListQuery
{
    public string? DistrictCode { get; init; }

    public string? TownCode { get; init; }

    /// <summary>The steward's (项目管家) projects.</summary>
    public string? StewardOfficialId { get; init; }

    public ProjectStage? Stage { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One key project in a list. Amounts in 万元.</summary>
public sealed record ProjectListItem(
    string Id,
    string Name,
    string TownCode,
    string OwnerCreditCode,
    string StewardOfficialId,
    ProjectStage Stage,
    int Year,
    decimal TotalInvestment,
    decimal PlannedAnnualInvestment,
    decimal CompletedAnnualInvestment,
    GeoPoint? Location);
