using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Sla;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>The state of one appeal (诉求); replaced as a whole by every command, never edited in place.</summary>
/// <param name="Id">The appeal's id.</param>
/// <param name="EnterpriseCreditCode">The enterprise's unified social credit code.</param>
/// <param name="TownCode">The town whose grid the enterprise is in.</param>
/// <param name="Channel">The intake channel.</param>
/// <param name="Category">The category code.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">The appeal in the enterprise's words.</param>
/// <param name="AcceptedAt">When it was accepted (受理); the clock of the deadline starts here.</param>
/// <param name="Deadline">When it must be replied to.</param>
[GenerateSerializer, Immutable, Alias("cc.Appeal")]
public sealed record Appeal(
    [property: Id(0)] string Id,
    [property: Id(1)] string EnterpriseCreditCode,
    [property: Id(2)] string TownCode,
    [property: Id(3)] AppealChannel Channel,
    [property: Id(4)] string Category,
    [property: Id(5)] AppealPriority Priority,
    [property: Id(6)] string Title,
    [property: Id(7)] string Text,
    [property: Id(8)] DateTimeOffset AcceptedAt,
    [property: Id(9)] DateTimeOffset Deadline)
{
    /// <summary>The hash every chain starts from: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>When the clock of the current deadline started: acceptance, or the reopening after an upheld bad rating.</summary>
    [Id(10)]
    public DateTimeOffset DeadlineFrom { get; init; } = AcceptedAt;

    /// <summary>Where it is in the closed loop.</summary>
    [Id(11)]
    public AppealStatus Status { get; init; } = AppealStatus.Accepted;

    /// <summary>The response level (四级响应) it is handled at.</summary>
    [Id(12)]
    public EscalationLevel Level { get; init; } = EscalationLevel.TownOrStation;

    /// <summary>Files attached at intake.</summary>
    [Id(13)]
    public ImmutableArray<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>Where the problem is, when it has a place.</summary>
    [Id(14)]
    public GeoPoint? Location { get; init; }

    /// <summary>The key project it was raised on, if any.</summary>
    [Id(15)]
    public string? ProjectId { get; init; }

    /// <summary>The department it is routed to (承办部门).</summary>
    [Id(16)]
    public string? DepartmentCode { get; init; }

    /// <summary>When it was last routed.</summary>
    [Id(17)]
    public DateTimeOffset? RoutedAt { get; init; }

    /// <summary>Until when the department may object to the routing; after that the routing is binding.</summary>
    [Id(18)]
    public DateTimeOffset? ObjectionDeadline { get; init; }

    /// <summary>How many routings departments have objected to (rejected hand-offs).</summary>
    [Id(19)]
    public int RejectedHandOffs { get; init; }

    /// <summary>How many replies (反馈) have been given.</summary>
    [Id(20)]
    public int ReplyCount { get; init; }

    /// <summary>When the last reply was given.</summary>
    [Id(21)]
    public DateTimeOffset? LastReplyAt { get; init; }

    /// <summary>The first reply's time, which decides whether it was on time.</summary>
    [Id(22)]
    public DateTimeOffset? FirstReplyAt { get; init; }

    /// <summary>The text of the last reply.</summary>
    [Id(23)]
    public string? LastReplyText { get; init; }

    /// <summary>The evidence of the last reply.</summary>
    [Id(24)]
    public ImmutableArray<AttachmentInfo> LastEvidence { get; init; } = [];

    /// <summary>The enterprise's own rating, given once.</summary>
    [Id(25)]
    public SatisfactionRating? Rating { get; init; }

    /// <summary>When the enterprise rated.</summary>
    [Id(26)]
    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>How many times a bad rating was upheld and the work reopened (差评核实整改).</summary>
    [Id(27)]
    public int ReworkRound { get; init; }

    /// <summary>The result of the last revisit (回访).</summary>
    [Id(28)]
    public SatisfactionRating? RevisitRating { get; init; }

    /// <summary>When the last revisit was made.</summary>
    [Id(29)]
    public DateTimeOffset? RevisitedAt { get; init; }

    /// <summary>How many times the centre supervised it (督办).</summary>
    [Id(30)]
    public int SupervisionCount { get; init; }

    /// <summary>The cross-department task force (专班), when one was formed.</summary>
    [Id(31)]
    public TaskForce? TaskForce { get; init; }

    /// <summary>Other appeals this one was linked to as a duplicate.</summary>
    [Id(32)]
    public ImmutableArray<string> LinkedAppeals { get; init; } = [];

    /// <summary>When it was closed (销号).</summary>
    [Id(33)]
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How many events its history holds.</summary>
    [Id(34)]
    public long EventCount { get; init; }

    /// <summary>The hash of the last event in its history.</summary>
    [Id(35)]
    public string HeadHash { get; init; } = GenesisHash;

    /// <summary>The satisfaction that counts: the revisit's when there was one, otherwise the enterprise's rating.</summary>
    public SatisfactionRating? EffectiveRating => RevisitRating ?? Rating;
}
