using Grains.Abstractions.District;

namespace Dashboard.Wall;

/// <summary>Everything the wall shows, built from the district grain's answers; the page, the snapshot
/// JSON and the pushes use these records only, never the grains' own types (except the ranking row,
/// which is plain data).</summary>
/// <param name="Epoch">Changes when the server restarts; a wall seeing a new epoch re-fetches the snapshot.</param>
/// <param name="Sequence">The last sequence number given out when the snapshot was taken; pushes at or
/// below it are older than the snapshot and dropped.</param>
/// <param name="At">When it was built.</param>
/// <param name="IsAvailable">False when the district could not be read; the wall then says so and retries.</param>
/// <param name="Profile">The district's name, centre and demo flag.</param>
/// <param name="Figures">The KPI tiles.</param>
/// <param name="TownShapes">The town outlines for the map (sent once, not with every push).</param>
/// <param name="Towns">The town ranking, which also colours the map.</param>
/// <param name="Departments">The department ranking (考核晾晒), best first.</param>
/// <param name="Markers">The key projects on the map.</param>
/// <param name="Feed">The recent feed items, newest first.</param>
public sealed record WallSnapshot(
    Guid Epoch,
    long Sequence,
    DateTimeOffset At,
    bool IsAvailable,
    WallProfile Profile,
    WallFigures Figures,
    IReadOnlyList<WallTownShape> TownShapes,
    IReadOnlyList<WallTownRow> Towns,
    IReadOnlyList<DepartmentRankingRow> Departments,
    IReadOnlyList<WallMarker> Markers,
    IReadOnlyList<WallFeedItem> Feed);
