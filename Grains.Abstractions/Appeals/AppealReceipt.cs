using System.Collections.Immutable;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>What the dispatcher sees after accepting an appeal: the appeal and earlier ones that look like the same problem.</summary>
/// <param name="Appeal">The accepted appeal.</param>
/// <param name="Duplicates">Likely duplicates (疑似重复), to be linked if they are.</param>
[GenerateSerializer, Immutable, Alias("cc.AppealReceipt")]
public sealed record AppealReceipt(
    [property: Id(0)] Appeal Appeal,
    [property: Id(1)] ImmutableArray<DuplicateSuggestion> Duplicates);
