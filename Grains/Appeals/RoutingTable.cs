using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;

namespace Grains.Appeals;

/// <summary>Which department an appeal is routed to: a town's own rule for the category wins over the district-wide one.</summary>
internal sealed class RoutingTable
{
    private readonly Dictionary<(string Category, string Town), string> _byTown = [];
    private readonly Dictionary<string, string> _byCategory = new(StringComparer.Ordinal);

    public RoutingTable(IEnumerable<RoutingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (rule.TownCode is { } town)
            {
                _byTown[(rule.Category, town)] = rule.DepartmentCode;
            }
            else
            {
                _byCategory[rule.Category] = rule.DepartmentCode;
            }
        }
    }

    /// <summary>Each category to its lead department, plus any town rules.</summary>
    public static RoutingTable FromCategories(SlaSettings settings, IEnumerable<RoutingRule>? townRules = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RoutingTable(settings.Categories.Select(c => new RoutingRule(c.Code, null, c.LeadDepartmentCode))
            .Concat(townRules ?? []));
    }

    public string DepartmentFor(string category, string townCode) =>
        _byTown.TryGetValue((category, townCode), out var local) ? local
        : _byCategory.TryGetValue(category, out var department) ? department
        : throw new DomainException(ErrorCodes.CategoryUnknown, category);
}
