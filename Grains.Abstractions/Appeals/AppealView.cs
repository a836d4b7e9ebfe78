using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>An appeal with what the screens show next to it.</summary>
/// <param name="Appeal">The appeal.</param>
/// <param name="Light">Its light now (none once closed).</param>
/// <param name="EnterpriseName">The enterprise's name.</param>
[GenerateSerializer, Immutable, Alias("cc.AppealView")]
public sealed record AppealView(
    [property: Id(0)] Appeal Appeal,
    [property: Id(1)] Sla.SlaLight? Light,
    [property: Id(2)] string EnterpriseName);
