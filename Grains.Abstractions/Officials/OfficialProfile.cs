using System.Collections.Immutable;
using Orleans;

namespace Grains.Abstractions.Officials;

/// <summary>An official (干部) who may package enterprises.</summary>
/// <param name="Id">The official's id.</param>
/// <param name="Name">The official's name.</param>
/// <param name="Tier">The packaging tier.</param>
/// <param name="UnitCode">The department or town the official works for.</param>
/// <param name="TownCode">The town the official serves, for town and village tiers.</param>
/// <param name="Industries">Industry codes the official knows professionally (department tier).</param>
[GenerateSerializer, Immutable, Alias("cc.OfficialProfile")]
public sealed record OfficialProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OfficialTier Tier,
    [property: Id(3)] string UnitCode,
    [property: Id(4)] string? TownCode,
    [property: Id(5)] ImmutableArray<string> Industries);
