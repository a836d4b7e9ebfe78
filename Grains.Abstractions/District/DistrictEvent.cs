using Grains.Abstractions.Appeals;
using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.District;

/// <summary>What happened, for the wall's live feed and the pages that show the subject.</summary>
[GenerateSerializer, Alias("cc.DistrictEventKind")]
public enum DistrictEventKind
{
    /// <summary>An appeal was received (受理).</summary>
    AppealReceived,

    /// <summary>An appeal was routed to a department (分流).</summary>
    AppealRouted,

    /// <summary>An appeal's light turned red (overdue).</summary>
    AppealTurnedRed,

    /// <summary>An appeal was closed (销号), possibly with a rating.</summary>
    AppealClosed,

    /// <summary>The enterprise rated an appeal (好差评).</summary>
    AppealRated,

    /// <summary>A rated-不满意 appeal was reopened for rework.</summary>
    AppealReopened,

    /// <summary>A key project moved to another stage.</summary>
    ProjectStageChanged,

    /// <summary>A key project's figures changed (investment, milestones).</summary>
    ProjectUpdated,

    /// <summary>An enterprise gained or lost its package official.</summary>
    PackagingChanged,

    /// <summary>The department took the appeal over (签收).</summary>
    AppealSigned,

    /// <summary>The department replied (反馈).</summary>
    AppealReplied,

    /// <summary>The department objected to the routing (分流异议).</summary>
    AppealObjected,

    /// <summary>The centre supervised it (督办).</summary>
    AppealSupervised,

    /// <summary>It moved up a response level (升级).</summary>
    AppealEscalated,

    /// <summary>A task force took it over (成立专班).</summary>
    AppealTaskForce,

    /// <summary>The centre revisited the enterprise after rework (回访).</summary>
    AppealRevisited,

    /// <summary>Anything else that changed the appeal (a linked duplicate, a rejected bad rating): not news for the wall, but
    /// a page showing the appeal must learn its new version.</summary>
    AppealChanged,
}

/// <summary>One event of a district's live channel.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="TownCode">The town it happened in.</param>
/// <param name="SubjectCode">The appeal, project or enterprise key.</param>
/// <param name="Title">The subject's name: the enterprise of an appeal, the project, the enterprise.</param>
/// <param name="Location">Where, when known (the map pulses there).</param>
[GenerateSerializer, Immutable, Alias("cc.DistrictEvent")]
public sealed record DistrictEvent(
    [property: Id(0)] DistrictEventKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string TownCode,
    [property: Id(3)] string SubjectCode,
    [property: Id(4)] string Title,
    [property: Id(5)] GeoPoint? Location)
{
    /// <summary>Its number in the district's channel (0 until the district numbers it; see <see cref="Live.DistrictChanges"/>).</summary>
    [Id(6)]
    public long Sequence { get; init; }

    /// <summary>The subject's version after the event: an appeal's event count, a project's version.</summary>
    [Id(7)]
    public long SubjectVersion { get; init; }

    /// <summary>The department or town that acted (for a routing: the department it went to); null for the centre, the
    /// enterprise and the system.</summary>
    [Id(8)]
    public string? Unit { get; init; }

    /// <summary>In which role the actor acted, for an appeal's step.</summary>
    [Id(9)]
    public ActorRole? ActorRole { get; init; }

    /// <summary>The appeal's category code.</summary>
    [Id(10)]
    public string? Category { get; init; }
}

/// <summary>How the Dashboard reads event kinds.</summary>
public static class DistrictEventKinds
{
    /// <summary>Whether the event is about an appeal (the appeal's pages follow it).</summary>
    public static bool IsAppeal(this DistrictEventKind kind) => kind.ToString().StartsWith("Appeal", StringComparison.Ordinal);

    /// <summary>Whether the wall's feed shows it: every step of the closed loop, projects and packaging, not
    /// <see cref="DistrictEventKind.AppealChanged"/>.</summary>
    public static bool IsNews(this DistrictEventKind kind) => kind != DistrictEventKind.AppealChanged;
}
