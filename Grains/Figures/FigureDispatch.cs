using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Towns;
using Orleans;

namespace Grains.Figures;

/// <summary>Sends an entity's change of counters to its aggregators. Calls go one way only (entity → district, town,
/// department); aggregators never call entities, so no call chain can come back into a waiting grain.</summary>
internal static class FigureDispatch
{
    public static Task SendCountsAsync(IGrainFactory grains, CountedScope before, CountedScope after)
    {
        var calls = new List<Task>();
        foreach (var (b, a) in Pairs(before.DistrictCode, after.DistrictCode, before.Counts, after.Counts))
        {
            calls.Add(grains.GetGrain<IDistrictAdministrationGrain>(b.Key).ApplyCounts(b.Counts, a));
        }

        foreach (var (b, a) in Pairs(before.TownCode, after.TownCode, before.Counts, after.Counts))
        {
            calls.Add(grains.GetGrain<ITownGrain>(b.Key).ApplyCounts(b.Counts, a));
        }

        foreach (var (b, a) in Pairs(DepartmentGrainKey(before), DepartmentGrainKey(after), before.Counts, after.Counts))
        {
            calls.Add(grains.GetGrain<IDepartmentGrain>(b.Key).ApplyCounts(b.Counts, a));
        }

        return Task.WhenAll(calls);
    }

    public static Task SendProjectAsync(IGrainFactory grains, string? districtBefore, ProjectFigure? before, string? districtAfter, ProjectFigure? after)
    {
        if (before == after && districtBefore == districtAfter)
        {
            return Task.CompletedTask;
        }

        var calls = new List<Task>();
        foreach (var district in new[] { districtBefore, districtAfter }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            calls.Add(grains.GetGrain<IDistrictAdministrationGrain>(district).ApplyProject(
                districtBefore == district ? before : null, districtAfter == district ? after : null));
        }

        foreach (var town in new[] { before?.TownCode, after?.TownCode }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            calls.Add(grains.GetGrain<ITownGrain>(town).ApplyProject(
                before?.TownCode == town ? before : null, after?.TownCode == town ? after : null));
        }

        return Task.WhenAll(calls);
    }

    private static string? DepartmentGrainKey(CountedScope scope) =>
        scope is { DistrictCode: { } district, DepartmentCode: { } department } ? DepartmentKey.Of(district, department) : null;

    /// <summary>For every aggregator key on either side, what it counted from this entity before and what it counts now;
    /// only keys whose share actually changes.</summary>
    private static IEnumerable<((string Key, FigureCounts Counts) Before, FigureCounts After)> Pairs(
        string? keyBefore, string? keyAfter, FigureCounts before, FigureCounts after)
    {
        foreach (var key in new[] { keyBefore, keyAfter }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var b = key == keyBefore ? before : FigureCounts.Zero;
            var a = key == keyAfter ? after : FigureCounts.Zero;
            if (b != a)
            {
                yield return ((key, b), a);
            }
        }
    }
}
