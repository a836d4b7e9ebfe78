using Grains.Abstractions.Geo;
using Orleans;

namespace Grains.Abstractions.Enterprises;

/// <summary>An enterprise (企业 / 市场主体) as the district knows it.</summary>
/// <param name="CreditCode">The unified social credit code, its key.</param>
/// <param name="Name">The registered name.</param>
/// <param name="Industry">The industry code, for example <c>manufacturing</c>.</param>
/// <param name="TownCode">The town whose grid it is in.</param>
/// <param name="StationCode">The service station that covers it, if any.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Size">Its size class.</param>
/// <param name="CreditLevel">Its credit level (信用等级).</param>
[GenerateSerializer, Immutable, Alias("cc.EnterpriseProfile")]
public sealed record EnterpriseProfile(
    [property: Id(0)] string CreditCode,
    [property: Id(1)] string Name,
    [property: Id(2)] string Industry,
    [property: Id(3)] string TownCode,
    [property: Id(4)] string? StationCode,
    [property: Id(5)] GeoPoint? Location,
    [property: Id(6)] EnterpriseSize Size,
    [property: Id(7)] CreditLevel CreditLevel);

/// <summary>Size class (企业规模).</summary>
[GenerateSerializer, Alias("cc.EnterpriseSize")]
public enum EnterpriseSize
{
    /// <summary>大型.</summary>
    Large,

    /// <summary>中型.</summary>
    Medium,

    /// <summary>小型.</summary>
    Small,

    /// <summary>微型.</summary>
    Micro,
}

/// <summary>Credit level (信用等级), A best.</summary>
[GenerateSerializer, Alias("cc.CreditLevel")]
public enum CreditLevel
{
    /// <summary>A级: 诚信.</summary>
    A,

    /// <summary>B级: 基本诚信.</summary>
    B,

    /// <summary>C级: 失信.</summary>
    C,

    /// <summary>D级: 严重失信.</summary>
    D,
}
