using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>The result of checking an appeal's history: intact, or the first event that does not check out.</summary>
/// <param name="IsIntact">Whether every event links to the one before and its hash matches its content.</param>
/// <param name="FirstBrokenIndex">The index of the first event that fails (the history's length when its tail is missing).</param>
[GenerateSerializer, Immutable, Alias("cc.ChainVerification")]
public sealed record ChainVerification([property: Id(0)] bool IsIntact, [property: Id(1)] int? FirstBrokenIndex);
