using System.Collections.Immutable;
using Grains.Abstractions.Appeals;

namespace Grains.Appeals;

/// <summary>The outcome of a successful appeal command: the new state and the events to append, in order.</summary>
internal sealed record AppealChange(Appeal State, ImmutableArray<AppealEvent> Events);
