using System.Globalization;
using Grains.Abstractions.Figures;

namespace Grains.Figures;

/// <summary>Says which counters a recount changed, for the log line of a repaired drift.</summary>
internal static class FigureDrift
{
    public static string Describe(FigureCounts before, FigureCounts after)
    {
        var parts = new List<string>();
        void Compare(string name, int b, int a)
        {
            if (b != a)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {b}→{a}"));
            }
        }

        foreach (var year in before.Years.Keys.Union(after.Years.Keys).Order())
        {
            var (b, a) = (before.Year(year), after.Year(year));
            Compare($"{year} received", b.Received, a.Received);
            Compare($"{year} closed", b.Closed, a.Closed);
            Compare($"{year} closed on time", b.ClosedOnTime, a.ClosedOnTime);
            Compare($"{year} rated", b.Rated, a.Rated);
            Compare($"{year} satisfied", b.Satisfied, a.Satisfied);
        }

        Compare("open green", before.OpenGreen, after.OpenGreen);
        Compare("open yellow", before.OpenYellow, after.OpenYellow);
        Compare("open red", before.OpenRed, after.OpenRed);
        Compare("enterprises", before.Enterprises, after.Enterprises);
        Compare("packaged", before.PackagedEnterprises, after.PackagedEnterprises);
        return string.Join("; ", parts);
    }
}
