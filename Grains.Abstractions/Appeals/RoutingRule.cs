namespace Grains.Abstractions.Appeals;

/// <summary>A routing rule (分流规则): appeals of a category, optionally only from one town, go to a department.</summary>
/// <param name="Category">The category code.</param>
/// <param name="TownCode">The town the rule is limited to, or null for every town.</param>
/// <param name="DepartmentCode">The department (or town centre) that handles them.</param>
public sealed record RoutingRule(string Category, string? TownCode, string DepartmentCode);
