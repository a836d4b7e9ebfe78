using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>What duplicate detection needs to know about an appeal.</summary>
/// <param name="AppealId">The appeal.</param>
/// <param name="EnterpriseCreditCode">The enterprise.</param>
/// <param name="Category">The category code.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="Location">Where the problem is, when known.</param>
public sealed record DuplicateCandidate(string AppealId, string EnterpriseCreditCode, string Category, DateTimeOffset AcceptedAt, GeoPoint? Location);

/// <summary>An earlier appeal that is probably the same problem (疑似重复).</summary>
/// <param name="AppealId">The earlier appeal.</param>
/// <param name="Reason">Why it looks the same.</param>
/// <param name="DistanceMetres">How far apart the two are, when both have a location.</param>
[GenerateSerializer, Immutable, Alias("cc.DuplicateSuggestion")]
public sealed record DuplicateSuggestion(
    [property: Id(0)] string AppealId,
    [property: Id(1)] DuplicateReason Reason,
    [property: Id(2)] double? DistanceMetres);

/// <summary>Why two appeals look like the same problem.</summary>
[GenerateSerializer, Alias("cc.DuplicateReason")]
public enum DuplicateReason
{
    /// <summary>同一企业同一领域: same enterprise and category within the window.</summary>
    SameEnterpriseAndCategory,

    /// <summary>同一地点: same category within the radius, from any enterprise.</summary>
    NearbyLocation,
}
