using System.Collections.Immutable;

namespace Grains.Abstractions.Appeals;

/// <summary>What the dispatcher sees after accepting an appeal: the appeal and earlier ones that look like the same problem.</summary>
/// <param name="Appeal">The accepted appeal.</param>
/// <param name="Duplicates">Likely duplicates (疑似重复), to be linked if they are.</param>
public sealed record AppealReceipt(Appeal Appeal, ImmutableArray<DuplicateSuggestion> Duplicates);
