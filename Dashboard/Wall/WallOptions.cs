namespace Dashboard.Wall;

/// <summary>Wall settings, bound from the configuration section "Dashboard" (keys "Dashboard:FeedItems",
/// "Dashboard:Map:*"); the district shown is the domain's "Domain:DistrictCode".</summary>
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

    public WallMapOptions Map { get; set; } = new();
}

/// <summary>The wall map. Offline by default: no tile layer unless <see cref="TileUrl"/> is set.</summary>
public sealed class WallMapOptions
{
    /// <summary>A Leaflet URL template, e.g. a 天地图 WMTS URL ending in <c>&amp;tk={tk}</c>; empty: no tiles.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The 天地图 browser key, substituted for <c>{tk}</c> in <see cref="TileUrl"/>.</summary>
    public string? TiandituKey { get; set; }

    /// <summary>Leaflet's subdomains for <c>{s}</c> (天地图 serves t0..t7).</summary>
    public string Subdomains { get; set; } = "01234567";

    /// <summary>Attribution text shown on the map when tiles are used.</summary>
    public string? Attribution { get; set; }

    /// <summary>Seconds between the two map colourings (package coverage, red appeals).</summary>
    public int RotationSeconds { get; set; } = 20;
}
