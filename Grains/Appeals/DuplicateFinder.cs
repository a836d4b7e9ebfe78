using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Geo;

namespace Grains.Appeals;

/// <summary>
/// Suggests earlier appeals that are likely the same problem: same enterprise and category within the window, or
/// (for located appeals) the same category within the radius. Same category is required for the radius rule so
/// that neighbours in one industrial building are not all flagged for unrelated problems.
/// </summary>
internal sealed class DuplicateFinder(int windowDays = 30, double radiusMetres = 50)
{
    public ImmutableArray<DuplicateSuggestion> Suggest(DuplicateCandidate candidate, IEnumerable<DuplicateCandidate> earlier)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(earlier);
        var window = TimeSpan.FromDays(windowDays);
        var suggestions = new List<DuplicateSuggestion>();
        foreach (var other in earlier)
        {
            if (other.AppealId == candidate.AppealId || other.Category != candidate.Category
                || (candidate.AcceptedAt - other.AcceptedAt).Duration() > window)
            {
                continue;
            }

            double? distance = candidate.Location is { } here && other.Location is { } there
                ? Haversine.DistanceMetres(here, there)
                : null;
            if (other.EnterpriseCreditCode == candidate.EnterpriseCreditCode)
            {
                suggestions.Add(new DuplicateSuggestion(other.AppealId, DuplicateReason.SameEnterpriseAndCategory, distance));
            }
            else if (distance <= radiusMetres)
            {
                suggestions.Add(new DuplicateSuggestion(other.AppealId, DuplicateReason.NearbyLocation, distance));
            }
        }

        // Same enterprise first, then nearest: the order a dispatcher checks them in.
        return [.. suggestions
            .OrderBy(s => s.Reason)
            .ThenBy(s => s.DistanceMetres ?? double.MaxValue)
            .ThenBy(s => s.AppealId, StringComparer.Ordinal)];
    }
}
