namespace Dashboard.Wall;

/// <summary>Wall settings, bound from the configuration section "Dashboard" (keys "Dashboard:FeedItems",
/// "Dashboard:TimeZone"; the map's base layer is <see cref="Maps.BaseMapOptions"/>); the district shown is the domain's
/// "Domain:DistrictCode".</summary>
public sealed class WallOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How many feed items the server keeps and each wall shows; a fixed bound so that a wall
    /// left running for days does not grow.</summary>
    public int FeedItems { get; set; } = 30;

    /// <summary>The most feed items a wall may keep.</summary>
    public const int MaxFeedItems = 500;

    /// <summary>The district's time zone (IANA name) for the clock and the feed's times.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
