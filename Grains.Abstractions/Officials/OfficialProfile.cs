using System.Collections.Immutable;

namespace Grains.Abstractions.Officials;

/// <summary>An official (干部) who may package enterprises.</summary>
/// <param name="Id">The official's id.</param>
/// <param name="Name">The official's name.</param>
/// <param name="Tier">The packaging tier.</param>
/// <param name="UnitCode">The department or town the official works for.</param>
/// <param name="TownCode">The town the official serves, for town and village tiers.</param>
/// <param name="Industries">Industry codes the official knows professionally (department tier).</param>
public sealed record OfficialProfile(
    string Id,
    string Name,
    OfficialTier Tier,
    string UnitCode,
    string? TownCode,
    ImmutableArray<string> Industries);
