using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Geo;

namespace Grains.ReadModels;

/// <summary>Which enterprises to list; unset filters match everything. Ordered by credit code.</summary>
public sealed record EnterpriseListQuery
{
    public string? DistrictCode { get; init; }

    public string? TownCode { get; init; }

    public string? StationCode { get; init; }

    public string? Industry { get; init; }

    /// <summary>Only enterprises without a package official (未包联).</summary>
    public bool UnpackagedOnly { get; init; }

    /// <summary>Part of the name, e.g. 机械.</summary>
    public string? NameContains { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

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
