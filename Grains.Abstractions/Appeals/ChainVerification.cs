using Grains.Abstractions.Integrity;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>The result of checking an appeal's record and history: intact, or the first thing that does not check out.</summary>
/// <param name="IsIntact">Whether every event is sealed by a known key, links to the one before, and the record is the one
/// the last event sealed.</param>
/// <param name="FirstBrokenIndex">The index of the first event that fails (the history's length when its tail is missing;
/// null when intact or when only the record differs).</param>
[GenerateSerializer, Immutable, Alias("cc.ChainVerification")]
public sealed record ChainVerification([property: Id(0)] bool IsIntact, [property: Id(1)] int? FirstBrokenIndex)
{
    /// <summary>An intact record and history.</summary>
    public static ChainVerification Intact { get; } = new(true, null);

    /// <summary>What failed; null when intact.</summary>
    [Id(2)]
    public IntegrityFindingKind? Failure { get; init; }

    /// <summary>The key the failing event names, when the key is the problem.</summary>
    [Id(3)]
    public string? KeyId { get; init; }

    /// <summary>A failed check.</summary>
    public static ChainVerification Broken(IntegrityFindingKind failure, int? index, string? keyId = null) =>
        new(false, index) { Failure = failure, KeyId = keyId };
}
