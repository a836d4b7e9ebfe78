using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Sla;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>A problem found on a visit or raised on a key project; it becomes an appeal.</summary>
/// <param name="Category">The category code.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">The problem in full.</param>
[GenerateSerializer, Immutable, Alias("cc.ProblemReport")]
public sealed record ProblemReport(
    [property: Id(0)] string Category,
    [property: Id(1)] AppealPriority Priority,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text)
{
    /// <summary>Files attached to the problem.</summary>
    [Id(4)]
    public ImmutableArray<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>Where the problem is, when it has a place.</summary>
    [Id(5)]
    public GeoPoint? Location { get; init; }
}
