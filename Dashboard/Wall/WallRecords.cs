using Grains.Abstractions.District;

namespace Dashboard.Wall;

/// <summary>The district's name, map centre and demo flag.</summary>
public sealed record WallProfile(string Code, string Name, double Latitude, double Longitude, bool IsDemo)
{
    public static WallProfile From(DistrictProfile profile) =>
        new(profile.Code, profile.Name, profile.Centre.Latitude, profile.Centre.Longitude, profile.IsDemo);
}

/// <summary>The KPI tiles' values: rates 0..1 (null when there is nothing to divide by, shown as "—"), counts, and
/// the investment lead over 时序进度 in percentage points.</summary>
public sealed record WallFigures(
    double? ClosureRate,
    double? OnTimeRate,
    double? SatisfactionRate,
    double? PackagingCoverage,
    int AppealsReceived,
    int AppealsClosed,
    int OpenGreen,
    int OpenYellow,
    int OpenRed,
    int Enterprises,
    int PackagedEnterprises,
    int ProjectsOnSchedule,
    int ProjectsBehindSchedule,
    double InvestmentCompletion,
    double ScheduleProgress,
    double InvestmentLeadPoints)
{
    public static WallFigures Empty { get; } = new(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public int OpenAppeals => OpenGreen + OpenYellow + OpenRed;

    /// <summary>Appeals whose stored record failed the integrity check (the read model's findings, not the district's counters).</summary>
    public int IntegrityFindings { get; init; }

    public static WallFigures From(DistrictFigures f) => new(
        WallFormat.Rate(f.AppealsClosed, f.AppealsReceived + f.AppealsCarriedOver), WallFormat.Rate(f.AppealsClosedOnTime, f.AppealsClosed),
        WallFormat.Rate(f.AppealsSatisfied, f.AppealsRated), WallFormat.Rate(f.PackagedEnterprises, f.Enterprises), f.AppealsReceived, f.AppealsClosed,
        f.OpenGreen, f.OpenYellow, f.OpenRed, f.Enterprises, f.PackagedEnterprises,
        Math.Max(0, f.Projects - f.ProjectsBehindSchedule), f.ProjectsBehindSchedule,
        f.InvestmentCompletion, f.ScheduleProgress, f.InvestmentLeadPoints);
}

/// <summary>A town's outline for the map, as a GeoJSON ring of [longitude, latitude] pairs.</summary>
public sealed record WallTownShape(string Code, string Name, IReadOnlyList<double[]> Ring);

/// <summary>A town's line in the town ranking and its map colours; <see cref="Rank"/> 1 is the best 办结率; a rate is null
/// when there is nothing to divide by.</summary>
public sealed record WallTownRow(
    int Rank, string Code, string Name, double? ClosureRate, double? SatisfactionRate, double? PackagingCoverage, int OpenAppeals, int OpenRed, int ProjectsBehindSchedule);

/// <summary>A key project on the map: stage name (a <c>ProjectStage</c> member), behind-schedule ring.</summary>
public sealed record WallMarker(string Code, string Name, string TownCode, double Latitude, double Longitude, string Stage, bool BehindSchedule, double CompletionRate)
{
    public static WallMarker From(ProjectMarker marker) => new(
        marker.ProjectCode, marker.Name, marker.TownCode, marker.Location.Latitude, marker.Location.Longitude,
        marker.Stage.ToString(), marker.BehindSchedule, marker.CompletionRate);
}

/// <summary>A name in both of the wall's languages (a town or an enterprise has one name: both the same).</summary>
public sealed record WallName(string Zh, string En)
{
    public static WallName Same(string name) => new(name, name);

    public string In(bool chinese) => chinese ? Zh : En;
}

/// <summary>One line of the live feed: what happened (<see cref="Kind"/>, a <see cref="DistrictEventKind"/> member name), who
/// acted (<see cref="Actor"/>: the department or town, null for the centre, the enterprise and the system), to what
/// (<see cref="Title"/>: the enterprise or project, and the appeal's <see cref="Category"/>) and where (the town).</summary>
public sealed record WallFeedItem(
    long Sequence, string Kind, DateTimeOffset At, string TownCode, string TownName, string SubjectCode, string Title, double? Latitude, double? Longitude)
{
    public WallName? Actor { get; init; }

    public WallName? Category { get; init; }

    public static WallFeedItem From(long sequence, DistrictEvent change, string townName, WallName? actor = null, WallName? category = null)
    {
        // An invalid position would put the pulse off the map; the item is still shown in the feed.
        var at = change.Location is { IsValid: true } location ? location : null;
        return new(sequence, change.Kind.ToString(), change.At, change.TownCode, townName, change.SubjectCode, change.Title, at?.Latitude, at?.Longitude)
        {
            Actor = actor,
            Category = category,
        };
    }
}

/// <summary>A feed push: the item and the epoch it was numbered in.</summary>
public sealed record WallFeedPush(Guid Epoch, WallFeedItem Item);

/// <summary>A figures push: tiles, town rows, ranking and, when projects changed, the markers (null: unchanged).</summary>
public sealed record WallFiguresUpdate(
    Guid Epoch,
    long Sequence,
    DateTimeOffset At,
    WallFigures Figures,
    IReadOnlyList<WallTownRow> Towns,
    IReadOnlyList<DepartmentRankingRow> Departments,
    IReadOnlyList<WallMarker>? Markers);
