using Grains.Abstractions.Officials;

namespace Storage.ReadModels;

/// <summary>Which officials to list; unset filters match everything. Ordered by id.</summary>
public sealed record OfficialListQuery
{
    public string? DistrictCode { get; init; }

    public string? TownCode { get; init; }

    public string? UnitCode { get; init; }

    public OfficialTier? Tier { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One official in a list, with the packaging load.</summary>
public sealed record OfficialListItem(string Id, string Name, OfficialTier Tier, string UnitCode, string? TownCode, int EnterpriseCount);
