using System.Collections.Immutable;
using Grains.Abstractions.Appeals;

namespace Grains.Demo;

/// <summary>A generated appeal: its state now and the hash-chained history that led there.</summary>
/// <param name="State">The appeal as it stands at the generator's "now".</param>
/// <param name="History">Its events, oldest first.</param>
public sealed record DemoAppeal(Appeal State, ImmutableArray<AppealEvent> History);
