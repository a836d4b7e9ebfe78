namespace Dashboard.Http;

/// <summary>What the security headers may allow beyond the Dashboard's own origin.</summary>
public sealed class SecurityHeadersOptions
{
    /// <summary>The setting that lists the origins allowed to frame /wall.</summary>
    public const string WallFrameAncestorsKey = "Dashboard:Wall:FrameAncestors";

    /// <summary>Origins (<c>https://portal.example.gov.cn</c>, space- or comma-separated, or <c>'self'</c>) that may show /wall
    /// in a frame, e.g. a portal that embeds the wall; empty: no page may frame it, like every other page.</summary>
    public IReadOnlyList<string> WallFrameAncestors { get; set; } = [];

    /// <summary>Origins the wall map loads tiles from (derived from "Dashboard:Map:TileUrl"); allowed as image sources.</summary>
    public IReadOnlyList<string> ImageOrigins { get; set; } = [];
}
