using System.Collections.Immutable;
using Grains.Abstractions.District;
using Orleans;

namespace Grains.Figures;

/// <summary>Sends an entity's live events to its district's channel, which numbers them and tells every Dashboard.</summary>
internal static class DistrictFeed
{
    public static Task PublishAsync(IGrainFactory grains, string? districtCode, ImmutableArray<DistrictEvent> events) =>
        districtCode is null || events.IsDefaultOrEmpty
            ? Task.CompletedTask
            : grains.GetGrain<IDistrictAdministrationGrain>(districtCode).Publish(events);
}
