using Grains.Abstractions.Integrity;

namespace Storage.ReadModels;

/// <summary>An appeal with an open integrity finding: what failed, since when, and the appeal's title and town from the read
/// model (null when the appeal has no row there).</summary>
public sealed record IntegrityFindingRow(
    string AppealId,
    string DistrictCode,
    IntegrityFindingKind Kind,
    int? EventIndex,
    string? KeyId,
    DateTimeOffset FirstFoundAt,
    DateTimeOffset LastFoundAt,
    string? Title,
    string? TownCode);

/// <summary>One integrity check of a district.</summary>
public sealed record IntegrityScanRow(
    string DistrictCode,
    IntegrityScanTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int AppealsChecked,
    int Findings);
