using System.Collections.Frozen;
using Grains.Abstractions.District;
using Grains.Abstractions.Sla;
using Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Storage.ReadModels;

namespace Dashboard.Wall;

/// <summary>Builds the wall's view from <see cref="IDistrictGrain"/>; the only wall code that talks to grains.
/// A district that cannot be read gives an unavailable snapshot (the wall says so and keeps retrying)
/// instead of an error page on a screen nobody can click.</summary>
internal sealed class WallSnapshotSource(
    IGrainFactory grains,
    WallFeed feed,
    IOptions<DomainOptions> domain,
    SlaSettings sla,
    TimeProvider clock,
    ILogger<WallSnapshotSource> logger,
    IntegrityFindingQueries? integrity = null)
{
    private volatile FrozenDictionary<string, string> townNames = FrozenDictionary<string, string>.Empty;
    private volatile FrozenDictionary<string, WallName> departmentNames = FrozenDictionary<string, WallName>.Empty;

    public async Task<WallSnapshot> GetSnapshotAsync()
    {
        // The sequence is read before the grains: a push numbered after it was built from newer state.
        var (sequence, recent) = feed.Read();
        try
        {
            var district = District();
            var profile = district.GetProfile();
            var figures = district.GetFigures();
            var townFigures = district.GetTownFigures();
            var towns = district.GetTowns();
            var departments = district.GetDepartmentRanking();
            var markers = district.GetProjectMarkers(null);
            var findings = IntegrityFindingsAsync();
            await Task.WhenAll(profile, figures, townFigures, towns, departments, markers, findings);

            var names = RememberTownNames(towns.Result);
            RememberDepartmentNames(departments.Result);
            return new WallSnapshot(
                feed.Epoch,
                sequence,
                clock.GetUtcNow(),
                IsAvailable: true,
                WallProfile.From(profile.Result),
                WallFigures.From(figures.Result) with { IntegrityFindings = findings.Result },
                [.. towns.Result.Select(t => new WallTownShape(t.Code, t.Name, [.. t.Boundary.Select(p => new[] { p.Longitude, p.Latitude })]))],
                RankTowns(townFigures.Result, names),
                departments.Result,
                [.. markers.Result.Select(WallMarker.From)],
                recent);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Reading district {DistrictCode} for the wall failed", domain.Value.DistrictCode);
            return new WallSnapshot(
                feed.Epoch, sequence, clock.GetUtcNow(), IsAvailable: false,
                new WallProfile(domain.Value.DistrictCode, "", 0, 0, IsDemo: false),
                WallFigures.Empty, [], [], [], [], recent);
        }
    }

    /// <summary>The figures after a change; markers only when a project changed (they are the bulk). The district's own
    /// figures are read only when the live channel did not bring them (<paramref name="pushed"/>).</summary>
    public async Task<WallFiguresUpdate> GetFiguresAsync(long sequence, bool includeMarkers, DistrictFigures? pushed = null)
    {
        var district = District();
        var figures = pushed is null ? district.GetFigures() : Task.FromResult(pushed);
        var townFigures = district.GetTownFigures();
        var departments = district.GetDepartmentRanking();
        var markers = includeMarkers ? district.GetProjectMarkers(null) : Task.FromResult<IReadOnlyList<ProjectMarker>>([]);
        var findings = IntegrityFindingsAsync();
        await Task.WhenAll(figures, townFigures, departments, markers, findings);
        var names = townNames.Count > 0 ? townNames : RememberTownNames(await district.GetTowns());
        RememberDepartmentNames(departments.Result);
        return new WallFiguresUpdate(
            feed.Epoch,
            sequence,
            clock.GetUtcNow(),
            WallFigures.From(figures.Result) with { IntegrityFindings = findings.Result },
            RankTowns(townFigures.Result, names),
            departments.Result,
            includeMarkers ? [.. markers.Result.Select(WallMarker.From)] : null);
    }

    /// <summary>One line of the feed for an event: who acted (a department or town, by name), its place's town name and, for an
    /// appeal, its category.</summary>
    public WallFeedItem FeedItem(long sequence, DistrictEvent change) =>
        WallFeedItem.From(sequence, change, TownName(change.TownCode), UnitName(change.Unit),
            sla.Categories.FirstOrDefault(c => c.Code == change.Category) is { } category ? new WallName(category.NameZh, category.NameEn) : null);

    /// <summary>Reads the town and department names once, so that the feed restored at start-up names who acted.</summary>
    public async Task LoadNamesAsync()
    {
        if (townNames.Count > 0 && departmentNames.Count > 0)
        {
            return;
        }

        var district = District();
        var towns = district.GetTowns();
        var departments = district.GetDepartmentRanking();
        await Task.WhenAll(towns, departments);
        RememberTownNames(towns.Result);
        RememberDepartmentNames(departments.Result);
    }

    /// <summary>A department's or town's name; the code itself when neither knows it (never dropped: the feed still says who).</summary>
    private WallName? UnitName(string? code) =>
        code is null ? null
        : departmentNames.TryGetValue(code, out var department) ? department
        : WallName.Same(townNames.TryGetValue(code, out var town) ? town : code);

    /// <summary>The town's name as last read from the district, else its code.</summary>
    public string TownName(string townCode) => townNames.TryGetValue(townCode, out var name) ? name : townCode;

    /// <summary>Best 办结率 first (a town with no appeals to close after all that have some); ties go to the town with fewer red
    /// lights, then by name for a stable order.</summary>
    internal static IReadOnlyList<WallTownRow> RankTowns(IReadOnlyList<DistrictFigures> towns, IReadOnlyDictionary<string, string> names) =>
        [.. towns
            .OrderByDescending(t => WallFormat.Rate(t.AppealsClosed, t.AppealsReceived + t.AppealsCarriedOver) ?? -1)
            .ThenBy(t => t.OpenRed)
            .ThenBy(t => t.ScopeCode, StringComparer.Ordinal)
            .Select((t, index) => new WallTownRow(
                index + 1,
                t.ScopeCode,
                names.TryGetValue(t.ScopeCode, out var name) ? name : t.ScopeCode,
                WallFormat.Rate(t.AppealsClosed, t.AppealsReceived + t.AppealsCarriedOver),
                WallFormat.Rate(t.AppealsSatisfied, t.AppealsRated),
                WallFormat.Rate(t.PackagedEnterprises, t.Enterprises),
                t.OpenAppeals,
                t.OpenRed,
                t.ProjectsBehindSchedule))];

    /// <summary>Appeals with an open integrity finding, from the app's table (none where the wall runs without it: the
    /// broadcaster's unit tests).</summary>
    private Task<int> IntegrityFindingsAsync() =>
        integrity is null ? Task.FromResult(0) : integrity.CountOpenAsync(domain.Value.DistrictCode);

    private IDistrictGrain District() => grains.GetGrain<IDistrictGrain>(domain.Value.DistrictCode);

    private void RememberDepartmentNames(IReadOnlyList<DepartmentRankingRow> departments) =>
        departmentNames = departments.ToFrozenDictionary(d => d.DepartmentCode, d => new WallName(d.NameZh, d.NameEn), StringComparer.Ordinal);

    private FrozenDictionary<string, string> RememberTownNames(IReadOnlyList<Grains.Abstractions.Towns.TownProfile> towns)
    {
        var names = towns.ToFrozenDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        townNames = names;
        return names;
    }
}
