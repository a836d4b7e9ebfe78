using Grains.Abstractions.Geo;

namespace Grains.Abstractions.District;

/// <summary>What happened, for the wall's live feed.</summary>
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
}

/// <summary>One event on the district change feed. Published on topic <see cref="DistrictTopics.District"/>
/// and on the town's topic <see cref="DistrictTopics.Town"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="TownCode">The town it happened in.</param>
/// <param name="SubjectCode">The appeal, project or enterprise key.</param>
/// <param name="Title">A short line for the feed, e.g. the enterprise name and the appeal category.</param>
/// <param name="Location">Where, when known (the map pulses there).</param>
public sealed record DistrictEvent(DistrictEventKind Kind, DateTimeOffset At, string TownCode, string SubjectCode, string Title, GeoPoint? Location);

/// <summary>Change-feed topic names.</summary>
public static class DistrictTopics
{
    /// <summary>Every event of the district.</summary>
    public const string District = "district";

    /// <summary>The events of one town.</summary>
    public static string Town(string townCode) => $"town/{townCode}";
}
