using System.Collections.Immutable;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Packaging;

namespace Grains.Packaging;

/// <summary>
/// Who packages whom (包联): per-official load, the unpackaged, suggestions and coverage. Kept incrementally by
/// <see cref="Assign"/> and <see cref="Unassign"/> so no figure needs a scan of all assignments.
/// </summary>
internal sealed class PackagingBook
{
    private readonly Dictionary<string, OfficialProfile> _officials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnterpriseProfile> _enterprises = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _enterprisesByOfficial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _officialsPerEnterprise = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Enterprises, int Packaged)> _coverageByTown = new(StringComparer.Ordinal);

    public PackagingBook(IEnumerable<OfficialProfile> officials, IEnumerable<EnterpriseProfile> enterprises, IEnumerable<PackagingAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(officials);
        ArgumentNullException.ThrowIfNull(enterprises);
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (var official in officials)
        {
            _officials[official.Id] = official;
            _enterprisesByOfficial[official.Id] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var enterprise in enterprises)
        {
            _enterprises[enterprise.CreditCode] = enterprise;
            _officialsPerEnterprise[enterprise.CreditCode] = 0;
            var (count, packaged) = _coverageByTown.GetValueOrDefault(enterprise.TownCode);
            _coverageByTown[enterprise.TownCode] = (count + 1, packaged);
        }

        foreach (var assignment in assignments)
        {
            Assign(assignment.OfficialId, assignment.EnterpriseCreditCode);
        }
    }

    public int LoadOf(string officialId) =>
        _enterprisesByOfficial.TryGetValue(officialId, out var set) ? set.Count : throw new DomainException(ErrorCodes.OfficialUnknown, officialId);

    public bool IsPackaged(string creditCode) => OfficialCount(creditCode) > 0;

    /// <summary>Adds an assignment; assigning the same pair twice changes nothing.</summary>
    public bool Assign(string officialId, string creditCode)
    {
        var enterprise = Enterprise(creditCode);
        if (!_enterprisesByOfficial.TryGetValue(officialId, out var set))
        {
            throw new DomainException(ErrorCodes.OfficialUnknown, officialId);
        }

        if (!set.Add(creditCode))
        {
            return false;
        }

        var before = _officialsPerEnterprise[creditCode]++;
        if (before == 0)
        {
            var (count, packaged) = _coverageByTown[enterprise.TownCode];
            _coverageByTown[enterprise.TownCode] = (count, packaged + 1);
        }

        return true;
    }

    public bool Unassign(string officialId, string creditCode)
    {
        var enterprise = Enterprise(creditCode);
        if (!_enterprisesByOfficial.TryGetValue(officialId, out var set) || !set.Remove(creditCode))
        {
            return false;
        }

        if (--_officialsPerEnterprise[creditCode] == 0)
        {
            var (count, packaged) = _coverageByTown[enterprise.TownCode];
            _coverageByTown[enterprise.TownCode] = (count, packaged - 1);
        }

        return true;
    }

    public IEnumerable<EnterpriseProfile> Unpackaged() =>
        _enterprises.Values.Where(e => _officialsPerEnterprise[e.CreditCode] == 0).OrderBy(e => e.CreditCode, StringComparer.Ordinal);

    /// <summary>
    /// Officials for an enterprise: same town first, then industry match, then lowest load. District leaders are
    /// left out: they package key enterprises by decision, not by suggestion.
    /// </summary>
    public ImmutableArray<PackagingSuggestion> Suggest(string creditCode, int count = 5)
    {
        var enterprise = Enterprise(creditCode);
        return [.. _officials.Values
            .Where(o => o.Tier != OfficialTier.DistrictLeader && !_enterprisesByOfficial[o.Id].Contains(creditCode))
            .Select(o => new PackagingSuggestion(
                o.Id,
                o.TownCode == enterprise.TownCode,
                !o.Industries.IsDefault && o.Industries.Contains(enterprise.Industry),
                _enterprisesByOfficial[o.Id].Count))
            .OrderByDescending(s => s.SameTown)
            .ThenByDescending(s => s.IndustryMatch)
            .ThenBy(s => s.Load)
            .ThenBy(s => s.OfficialId, StringComparer.Ordinal)
            .Take(count)];
    }

    public PackagingCoverage CoverageOf(string townCode)
    {
        var (count, packaged) = _coverageByTown.GetValueOrDefault(townCode);
        return new PackagingCoverage(townCode, count, packaged);
    }

    public ImmutableArray<PackagingCoverage> CoverageByTown() =>
        [.. _coverageByTown.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new PackagingCoverage(t.Key, t.Value.Enterprises, t.Value.Packaged))];

    public PackagingCoverage DistrictCoverage() =>
        new(null, _coverageByTown.Values.Sum(v => v.Enterprises), _coverageByTown.Values.Sum(v => v.Packaged));

    private int OfficialCount(string creditCode) =>
        _officialsPerEnterprise.TryGetValue(creditCode, out var n) ? n : throw new DomainException(ErrorCodes.EnterpriseUnknown, creditCode);

    private EnterpriseProfile Enterprise(string creditCode) =>
        _enterprises.TryGetValue(creditCode, out var e) ? e : throw new DomainException(ErrorCodes.EnterpriseUnknown, creditCode);
}
