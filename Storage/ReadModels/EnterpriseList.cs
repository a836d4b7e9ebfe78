using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Geo;

namespace Storage.ReadModels;

/// <summary>Which enterprises to list; unset filters match everything. Ordered by <see cref="Sort"/>.</summary>
public sealed record EnterpriseListQuery
{
    /// <summary>Longest search text accepted; a credit code is 18 characters and names are short.</summary>
    public const int MaxSearchLength = 100;

    public string? DistrictCode { get; init; }

    public string? TownCode { get; init; }

    public string? StationCode { get; init; }

    public string? Industry { get; init; }

    /// <summary>Only enterprises without a package official (未包联).</summary>
    public bool UnpackagedOnly { get; init; }

    /// <summary>Only enterprises with at least one package official (已包联).</summary>
    public bool PackagedOnly { get; init; }

    /// <summary>Part of the name, e.g. 机械.</summary>
    public string? NameContains { get; init; }

    /// <summary>Part of the name or of the unified social credit code (统一社会信用代码, any case), e.g. 机械 or 91370.</summary>
    public string? Search { get; init; }

    public EnterpriseSize? Size { get; init; }

    public CreditLevel? CreditLevel { get; init; }

    /// <summary>Only what this official may see: the enterprises they package and those owning projects they steward.</summary>
    public OfficialReach? Reach { get; init; }

    public EnterpriseSort Sort { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>The order of an enterprise list; ties are broken by credit code, so pages never overlap.</summary>
public enum EnterpriseSort
{
    /// <summary>By unified social credit code.</summary>
    CreditCode,

    /// <summary>By name (code-point order on every database).</summary>
    Name,

    /// <summary>By town code, then name.</summary>
    Town,
}

/// <summary>The enterprises a package official (包联干部) or project steward (项目管家) may see.</summary>
/// <param name="OfficialId">The official; enterprises owning the projects they steward are in reach.</param>
/// <param name="PackagedCreditCodes">The enterprises they package (from their grain), also in reach.</param>
public sealed record OfficialReach(string OfficialId, IReadOnlyList<string> PackagedCreditCodes);

/// <summary>One enterprise in a list.</summary>
public sealed record EnterpriseListItem(
    string CreditCode,
    string Name,
    string Industry,
    string TownCode,
    string? StationCode,
    EnterpriseSize Size,
    CreditLevel CreditLevel,
    int OfficialCount,
    GeoPoint? Location);

/// <summary>How many enterprises a service station covers, and how many of them are packaged.</summary>
/// <param name="StationCode">The station (null: enterprises no station covers).</param>
/// <param name="Enterprises">Enterprises it covers.</param>
/// <param name="Packaged">Of those, packaged ones.</param>
public sealed record StationCoverage(string? StationCode, int Enterprises, int Packaged);
