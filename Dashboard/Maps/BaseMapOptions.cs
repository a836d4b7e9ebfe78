namespace Dashboard.Maps;

/// <summary>The base map under the wall's and the town page's maps, bound from "Dashboard:Map". Offline by default: no tile
/// layer, and no request leaves for the internet, unless <see cref="TileUrl"/> is set.</summary>
public sealed class BaseMapOptions
{
    /// <summary>A Leaflet URL template with {z}, {x} and {y} (and {s}, {tk} where the source uses them): a 天地图 WMTS URL, or
    /// a self-hosted tile server for an offline wall; empty: the schematic map without tiles.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The 天地图 browser key, substituted for <c>{tk}</c> in <see cref="TileUrl"/>.</summary>
    public string? TiandituKey { get; set; }

    /// <summary>Leaflet's subdomains for <c>{s}</c> (天地图 serves t0..t7).</summary>
    public string Subdomains { get; set; } = "01234567";

    /// <summary>Attribution text shown on the map when tiles are used.</summary>
    public string? Attribution { get; set; }

    /// <summary>The datum of the tiles: <c>WGS84</c> or <c>CGCS2000</c> (天地图; the same within centimetres, drawn as they
    /// are), or <c>GCJ02</c> (高德, 腾讯: the district's WGS-84 points are shifted onto it in the browser).</summary>
    public string CoordinateSystem { get; set; } = Wgs84;

    /// <summary>Seconds between the wall map's views (packaging coverage, red appeals, projects behind schedule).</summary>
    public int RotationSeconds { get; set; } = 20;

    public const string Wgs84 = "WGS84";
    public const string Cgcs2000 = "CGCS2000";
    public const string Gcj02 = "GCJ02";

    // Tile hosts whose datum is known, to refuse a configuration that would draw every point a few hundred metres off.
    private static readonly string[] Gcj02Hosts = ["autonavi.com", "amap.com", "map.qq.com", "gtimg.com"];
    private static readonly string[] Cgcs2000Hosts = ["tianditu.gov.cn", "tianditu.com"];

    /// <summary>Whether the points must be shifted onto GCJ-02 tiles.</summary>
    public bool ShiftsToGcj02 => TileUrl is { Length: > 0 } && string.Equals(CoordinateSystem, Gcj02, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with the configuration, in one sentence that names the setting; null when it can be used.</summary>
    public string? Problem()
    {
        if (!new[] { Wgs84, Cgcs2000, Gcj02 }.Contains(CoordinateSystem, StringComparer.OrdinalIgnoreCase))
        {
            return $"Dashboard:Map:CoordinateSystem must be {Wgs84}, {Cgcs2000} or {Gcj02} (the datum of the tiles), not '{CoordinateSystem}'.";
        }

        if (RotationSeconds < 5)
        {
            return "Dashboard:Map:RotationSeconds must be at least 5.";
        }

        if (TileUrl is not { Length: > 0 } url)
        {
            return null;
        }

        if (!(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith('/')))
        {
            return $"Dashboard:Map:TileUrl must be an http(s) address or a path on this server, not '{url}'.";
        }

        if (!url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal) || !url.Contains("{y}", StringComparison.Ordinal))
        {
            return "Dashboard:Map:TileUrl must contain {z}, {x} and {y} (for 天地图 WMTS: TILEMATRIX={z}&TILEROW={y}&TILECOL={x}).";
        }

        if (url.Contains("{tk}", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(TiandituKey))
        {
            return "Dashboard:Map:TileUrl contains {tk} but Dashboard:Map:TiandituKey is empty: 天地图 refuses tiles without its browser key.";
        }

        var host = Uri.TryCreate(url.Replace("{s}", "t0", StringComparison.Ordinal), UriKind.Absolute, out var address) ? address.Host : "";
        if (Gcj02Hosts.Any(h => host.EndsWith(h, StringComparison.OrdinalIgnoreCase)) && !ShiftsToGcj02)
        {
            return $"Dashboard:Map:TileUrl is from {host}, whose tiles are in GCJ-02: set Dashboard:Map:CoordinateSystem to {Gcj02} so that points are shifted onto them.";
        }

        if (Cgcs2000Hosts.Any(h => host.EndsWith(h, StringComparison.OrdinalIgnoreCase)) && ShiftsToGcj02)
        {
            return $"Dashboard:Map:TileUrl is 天地图 ({host}), whose tiles are in CGCS2000: set Dashboard:Map:CoordinateSystem to {Cgcs2000}, not {Gcj02}.";
        }

        return null;
    }

    /// <summary>The data attributes a map element carries for wwwroot/js/basemap.js.</summary>
    public IReadOnlyDictionary<string, object> DataAttributes() => new Dictionary<string, object>
    {
        ["data-tile-url"] = TileUrl ?? "",
        ["data-tk"] = TiandituKey ?? "",
        ["data-subdomains"] = Subdomains,
        ["data-attribution"] = Attribution ?? "",
        ["data-crs"] = ShiftsToGcj02 ? Gcj02 : Wgs84,
    };
}
