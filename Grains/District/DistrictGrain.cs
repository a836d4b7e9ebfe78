using System.Collections.Immutable;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Towns;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Grains.ReadModels;
using Silo;

namespace Grains.District;

internal sealed record DistrictState
{
    public DistrictProfile? Profile { get; init; }

    public ImmutableArray<TownProfile> Towns { get; init; } = [];

    public ImmutableArray<DepartmentProfile> Departments { get; init; } = [];

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;

    public ImmutableDictionary<string, ProjectFigure> Projects { get; init; } = ImmutableDictionary<string, ProjectFigure>.Empty;

    public DateTimeOffset? ChangedAt { get; init; }

    public DateTimeOffset? RecountedAt { get; init; }
}

/// <summary>The district as the wall sees it: counters kept from the deltas entity grains send, never from a scan.
/// It calls towns and departments (to set them up and to read their figures); they never call it back.</summary>
internal sealed class DistrictGrain(
    [PersistentState("district")] IPersistentState<DistrictState> state,
    FigureRecounter recounter,
    DistrictClock clock) : Grain, IDistrictGrain, IDistrictAdministrationGrain
{
    public async Task Define(DistrictProfile profile, ImmutableArray<TownProfile> towns, ImmutableArray<DepartmentProfile> departments)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = GetPrimaryKeyString();
        Validation.SameKey(key, profile.Code);
        Validation.Location(profile.Centre);
        towns = towns.IsDefault ? [] : towns;
        departments = departments.IsDefault ? [] : departments;
        foreach (var town in towns)
        {
            Validation.SameKey(key, town.DistrictCode);
        }

        // Towns and departments check their own profiles; set them up first so a refused one leaves the district unchanged.
        await Task.WhenAll(towns.Select(t => GrainFactory.GetGrain<ITownGrain>(t.Code).Define(t)));
        await Task.WhenAll(departments.Select(d => Department(d.Code).Define(d)));
        await state.WriteAsync(state.State with
        {
            Profile = profile with { Name = Validation.Name(profile.Name) },
            Towns = [.. towns.OrderBy(t => t.Code, StringComparer.Ordinal)],
            Departments = [.. departments.OrderBy(d => d.Code, StringComparer.Ordinal)],
        });
    }

    public Task<DistrictProfile> GetProfile() =>
        Task.FromResult(state.State.Profile ?? throw new DomainException(ErrorCodes.DistrictUnknown, GetPrimaryKeyString()));

    public Task<DistrictFigures> GetFigures() => Task.FromResult(Figures());

    public Task<DistrictFigures> GetYearFigures(int year) => Task.FromResult(FigureRules.Build(
        GetPrimaryKeyString(), state.State.ChangedAt ?? clock.UtcNow, state.State.Counts, state.State.Projects.Values, YearEnd(year)));

    public async Task<IReadOnlyList<DistrictFigures>> GetTownFigures() =>
        await Task.WhenAll(state.State.Towns.Select(t => GrainFactory.GetGrain<ITownGrain>(t.Code).GetFigures()));

    public Task<IReadOnlyList<TownProfile>> GetTowns() => Task.FromResult<IReadOnlyList<TownProfile>>(state.State.Towns);

    public async Task<IReadOnlyList<DepartmentRankingRow>> GetDepartmentRanking()
    {
        var departments = state.State.Departments;
        var figures = await Task.WhenAll(departments.Select(d => Department(d.Code).GetFigures()));
        return [.. departments.Zip(figures)
            .Select(pair => (Profile: pair.First, Open: pair.Second.Counts, Counts: pair.Second.Counts.Year(clock.Today.Year)))
            .OrderByDescending(d => Ratio(d.Counts.ClosedOnTime, d.Counts.Closed))
            .ThenByDescending(d => Ratio(d.Counts.Satisfied, d.Counts.Rated))
            .ThenBy(d => d.Open.OpenRed)
            .ThenBy(d => d.Profile.Code, StringComparer.Ordinal)
            .Select((d, index) => new DepartmentRankingRow(
                index + 1, d.Profile.Code, d.Profile.NameZh, d.Profile.NameEn,
                d.Open.OpenGreen + d.Open.OpenYellow + d.Open.OpenRed, d.Open.OpenRed, d.Counts.Closed,
                Ratio(d.Counts.ClosedOnTime, d.Counts.Closed), Ratio(d.Counts.Satisfied, d.Counts.Rated)))];
    }

    public Task<IReadOnlyList<ProjectMarker>> GetProjectMarkers(string? townCode) =>
        Task.FromResult<IReadOnlyList<ProjectMarker>>([.. state.State.Projects.Values
            .Where(p => p.Location is not null && (townCode is null || p.TownCode == townCode))
            .OrderBy(p => p.ProjectId, StringComparer.Ordinal)
            .Select(p => new ProjectMarker(p.ProjectId, p.Name, p.TownCode, p.Location!, p.Stage,
                FigureRules.IsBehind(p, clock.Today), FigureRules.CompletionRate(p)))]);

    public Task<ImmutableArray<DepartmentProfile>> GetDepartments() => Task.FromResult(state.State.Departments);

    public Task<DateTimeOffset?> GetRecountedAt() => Task.FromResult(state.State.RecountedAt);

    public Task ApplyCounts(FigureCounts before, FigureCounts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return state.WriteAsync(state.State with { Counts = state.State.Counts.Minus(before).Plus(after), ChangedAt = clock.UtcNow });
    }

    public Task ApplyProject(ProjectFigure? before, ProjectFigure? after)
    {
        var projects = state.State.Projects;
        if (before is not null)
        {
            projects = projects.Remove(before.ProjectId);
        }

        if (after is not null)
        {
            projects = projects.SetItem(after.ProjectId, after);
        }

        return state.WriteAsync(state.State with { Projects = projects, ChangedAt = clock.UtcNow });
    }

    public async Task<DistrictFigures> Recount()
    {
        var key = GetPrimaryKeyString();
        var result = await recounter.RecountAsync(key);
        var now = clock.UtcNow;
        await state.WriteAsync(state.State with
        {
            Counts = result.District,
            Projects = result.Projects.ToImmutableDictionary(p => p.ProjectId, StringComparer.Ordinal),
            ChangedAt = now,
            RecountedAt = now,
        });

        var towns = state.State.Towns.Select(t => t.Code).Concat(result.Towns.Keys).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(towns.Select(town => GrainFactory.GetGrain<ITownGrain>(town).ResetFigures(
            result.Towns.GetValueOrDefault(town) ?? FigureCounts.Zero,
            [.. result.Projects.Where(p => p.TownCode == town)])));
        var departments = state.State.Departments.Select(d => d.Code).Concat(result.Departments.Keys).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(departments.Select(department => Department(department).ResetFigures(
            result.Departments.GetValueOrDefault(department) ?? FigureCounts.Zero)));
        return Figures();
    }

    private DistrictFigures Figures() => FigureRules.Build(
        GetPrimaryKeyString(), state.State.ChangedAt ?? clock.UtcNow, state.State.Counts, state.State.Projects.Values, clock.Today);

    private IDepartmentGrain Department(string code) => GrainFactory.GetGrain<IDepartmentGrain>(DepartmentKey.Of(GetPrimaryKeyString(), code));

    /// <summary>A past year is read as on its last day; the current year as today.</summary>
    private DateOnly YearEnd(int year) => year == clock.Today.Year ? clock.Today : new DateOnly(year, 12, 31);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
