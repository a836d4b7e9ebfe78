using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Sla;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>What is recorded when an appeal is accepted (受理).</summary>
/// <param name="Id">The appeal's id.</param>
/// <param name="EnterpriseCreditCode">The enterprise's unified social credit code.</param>
/// <param name="TownCode">The town whose grid the enterprise is in.</param>
/// <param name="Channel">The intake channel.</param>
/// <param name="Category">The category code, for example <c>finance</c>.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">The appeal in the enterprise's words.</param>
[GenerateSerializer, Immutable, Alias("cc.AppealIntake")]
public sealed record AppealIntake(
    [property: Id(0)] string Id,
    [property: Id(1)] string EnterpriseCreditCode,
    [property: Id(2)] string TownCode,
    [property: Id(3)] AppealChannel Channel,
    [property: Id(4)] string Category,
    [property: Id(5)] AppealPriority Priority,
    [property: Id(6)] string Title,
    [property: Id(7)] string Text)
{
    /// <summary>Files attached at intake.</summary>
    [Id(8)]
    public ImmutableArray<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>Where the problem is, when it has a place.</summary>
    [Id(9)]
    public GeoPoint? Location { get; init; }

    /// <summary>The key project the problem was raised on, if any.</summary>
    [Id(10)]
    public string? ProjectId { get; init; }

    /// <summary>A deadline set by the dispatcher instead of the category's; it must be in the future.</summary>
    [Id(11)]
    public DateTimeOffset? RequestedDeadline { get; init; }
}
