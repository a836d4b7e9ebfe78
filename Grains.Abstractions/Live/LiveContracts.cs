using System.Collections.Immutable;
using Grains.Abstractions.District;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Live;

/// <summary>A Dashboard process's subscription to a district's live channel.</summary>
[Alias("cc.IDistrictObserver")]
public interface IDistrictObserver : IGrainObserver
{
    /// <summary>The next events of the district, numbered in order, and its figures when they changed. One-way: the district
    /// never waits for a Dashboard.</summary>
    [OneWay]
    Task OnChanges(DistrictChanges changes);
}

/// <summary>A batch of a district's live events.</summary>
/// <param name="DistrictCode">The district.</param>
/// <param name="Epoch">The numbering these sequences belong to (a new one when the district grain starts anew).</param>
/// <param name="LastSequence">The last number given out when the batch was sent.</param>
/// <param name="Events">The events, oldest first.</param>
/// <param name="Figures">The district's figures after the events; null when they did not change.</param>
[GenerateSerializer, Immutable, Alias("cc.DistrictChanges")]
public sealed record DistrictChanges(
    [property: Id(0)] string DistrictCode,
    [property: Id(1)] Guid Epoch,
    [property: Id(2)] long LastSequence,
    [property: Id(3)] ImmutableArray<DistrictEvent> Events,
    [property: Id(4)] DistrictFigures? Figures);

/// <summary>Where a district's channel stands: a subscriber compares it with the last event it handled.</summary>
/// <param name="Epoch">The current numbering.</param>
/// <param name="Sequence">The last number given out.</param>
[GenerateSerializer, Immutable, Alias("cc.LiveCursor")]
public sealed record LiveCursor([property: Id(0)] Guid Epoch, [property: Id(1)] long Sequence);

/// <summary>The events after a given one, for a subscriber that missed some.</summary>
/// <param name="Epoch">The current numbering.</param>
/// <param name="LastSequence">The last number given out.</param>
/// <param name="Complete">False when the events asked for are gone (another epoch, or older than the kept backlog): the
/// subscriber must reload what it shows.</param>
/// <param name="Events">The events after the one asked for, oldest first (empty when not complete).</param>
[GenerateSerializer, Immutable, Alias("cc.DistrictBacklog")]
public sealed record DistrictBacklog(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] bool Complete,
    [property: Id(3)] ImmutableArray<DistrictEvent> Events);
