using Orleans;

namespace Grains.Abstractions.Integrity;

/// <summary>One appeal whose stored record or history does not check out.</summary>
/// <param name="AppealId">The appeal.</param>
/// <param name="Kind">What failed.</param>
/// <param name="EventIndex">The first history event that fails (the history's length for a missing tail), or null when the
/// failure is not one event's.</param>
/// <param name="KeyId">The key the failing event names, when the key is the problem.</param>
[GenerateSerializer, Immutable, Alias("cc.IntegrityFinding")]
public sealed record IntegrityFinding(
    [property: Id(0)] string AppealId,
    [property: Id(1)] IntegrityFindingKind Kind,
    [property: Id(2)] int? EventIndex,
    [property: Id(3)] string? KeyId);
