using Orleans;

namespace Grains.Abstractions.Packaging;

/// <summary>One official packages (包联) one enterprise.</summary>
/// <param name="OfficialId">The official.</param>
/// <param name="EnterpriseCreditCode">The enterprise.</param>
public sealed record PackagingAssignment(string OfficialId, string EnterpriseCreditCode);

/// <summary>An official suggested for an unpackaged enterprise, with why.</summary>
/// <param name="OfficialId">The official.</param>
/// <param name="SameTown">Whether the official serves the enterprise's town.</param>
/// <param name="IndustryMatch">Whether the official knows the enterprise's industry.</param>
/// <param name="Load">How many enterprises the official packages now.</param>
public sealed record PackagingSuggestion(string OfficialId, bool SameTown, bool IndustryMatch, int Load);

/// <summary>包联覆盖率: how many enterprises have at least one official, for a town or the district.</summary>
/// <param name="TownCode">The town, or null for the whole district.</param>
/// <param name="Enterprises">Enterprises in scope.</param>
/// <param name="Packaged">Of those, how many have an official.</param>
[GenerateSerializer, Immutable, Alias("cc.PackagingCoverage")]
public sealed record PackagingCoverage(
    [property: Id(0)] string? TownCode,
    [property: Id(1)] int Enterprises,
    [property: Id(2)] int Packaged)
{
    /// <summary>Packaged ÷ enterprises (1 when there are none).</summary>
    public decimal Rate => Enterprises == 0 ? 1m : (decimal)Packaged / Enterprises;
}
