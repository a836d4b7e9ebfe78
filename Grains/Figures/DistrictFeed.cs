using Grains.Abstractions.District;
using Silo.Streams;

namespace Grains.Figures;

/// <summary>Publishes a wall event on the district topic and on its town's topic.</summary>
internal static class DistrictFeed
{
    public static void Publish(this IChangeFeed feed, DistrictEvent change)
    {
        feed.Publish(DistrictTopics.District, change);
        feed.Publish(DistrictTopics.Town(change.TownCode), change);
    }
}
