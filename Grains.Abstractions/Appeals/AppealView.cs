namespace Grains.Abstractions.Appeals;

/// <summary>An appeal with what the screens show next to it.</summary>
/// <param name="Appeal">The appeal.</param>
/// <param name="Light">Its light now (none once closed).</param>
/// <param name="EnterpriseName">The enterprise's name.</param>
public sealed record AppealView(Appeal Appeal, Sla.SlaLight? Light, string EnterpriseName);
