using System.Collections.Immutable;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Sla;

namespace Grains.Abstractions.Appeals;

/// <summary>A problem found on a visit or raised on a key project; it becomes an appeal.</summary>
/// <param name="Category">The category code.</param>
/// <param name="Priority">How urgent it is.</param>
/// <param name="Title">A short title.</param>
/// <param name="Text">The problem in full.</param>
public sealed record ProblemReport(string Category, AppealPriority Priority, string Title, string Text)
{
    /// <summary>Files attached to the problem.</summary>
    public ImmutableArray<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>Where the problem is, when it has a place.</summary>
    public GeoPoint? Location { get; init; }
}
