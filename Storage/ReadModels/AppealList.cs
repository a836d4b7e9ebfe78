using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;

namespace Storage.ReadModels;

/// <summary>Which appeals to list; unset filters match everything. Newest first.</summary>
public sealed record AppealListQuery
{
    public string? DistrictCode { get; init; }

    public string? TownCode { get; init; }

    public string? DepartmentCode { get; init; }

    /// <summary>Only open appeals with this light.</summary>
    public SlaLight? Light { get; init; }

    public AppealStatus? Status { get; init; }

    /// <summary>True: only open appeals; false: only closed ones.</summary>
    public bool? Open { get; init; }

    public string? EnterpriseCreditCode { get; init; }

    public string? ProjectId { get; init; }

    public string? Category { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One appeal in a list.</summary>
public sealed record AppealListItem(
    string Id,
    string Title,
    string EnterpriseCreditCode,
    string EnterpriseName,
    string TownCode,
    string? DepartmentCode,
    string? ProjectId,
    string Category,
    AppealChannel Channel,
    AppealPriority Priority,
    AppealStatus Status,
    EscalationLevel Level,
    SlaLight? Light,
    SatisfactionRating? Rating,
    DateTimeOffset AcceptedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The integrity check found that its stored record or history does not check out (see the admin integrity page).</summary>
    public bool HasIntegrityFinding { get; init; }
}
