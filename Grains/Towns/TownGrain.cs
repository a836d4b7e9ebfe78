using System.Collections.Immutable;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Packaging;
using Grains.Abstractions.Towns;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Silo;

namespace Grains.Towns;

internal sealed record TownState
{
    public TownProfile? Profile { get; init; }

    public ImmutableArray<StationProfile> Stations { get; init; } = [];

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;

    public ImmutableDictionary<string, ProjectFigure> Projects { get; init; } = ImmutableDictionary<string, ProjectFigure>.Empty;

    public DateTimeOffset? ChangedAt { get; init; }
}

/// <summary>A town centre: its stations and service items, and its grid's counters, which entity grains send deltas to.</summary>
internal sealed class TownGrain(
    [PersistentState("town")] IPersistentState<TownState> state,
    DistrictClock clock) : Grain, ITownGrain
{
    private const int MaxServiceItemLength = 50;

    public Task Define(TownProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validation.SameKey(GetPrimaryKeyString(), profile.Code);
        Validation.Location(profile.Centre);
        // Town grains are keyed by the town code alone, so a second district reusing a code would merge two grids' figures.
        if (state.State.Profile is { } existing && existing.DistrictCode != profile.DistrictCode)
        {
            throw new Abstractions.Errors.DomainException(Abstractions.Errors.ErrorCodes.TownInOtherDistrict, profile.Code, existing.DistrictCode, profile.DistrictCode);
        }

        var boundary = profile.Boundary.IsDefault ? [] : profile.Boundary;
        foreach (var point in boundary)
        {
            Validation.Location(point);
        }

        return state.WriteAsync(state.State with { Profile = profile with { Name = Validation.Name(profile.Name), Boundary = boundary } });
    }

    public Task<TownProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public Task SetStation(StationProfile station)
    {
        ArgumentNullException.ThrowIfNull(station);
        Validation.SameKey(GetPrimaryKeyString(), station.TownCode);
        if (string.IsNullOrWhiteSpace(station.Code))
        {
            throw new Abstractions.Errors.DomainException(Abstractions.Errors.ErrorCodes.TextEmpty, "field.name");
        }

        Validation.Location(station.Location);
        var items = (station.ServiceItems.IsDefault ? [] : station.ServiceItems)
            .Select(item => TextRules.Require(item, "field.service-item", MaxServiceItemLength))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var named = station with { Name = Validation.Name(station.Name), ServiceItems = items };
        var stations = state.State.Stations.RemoveAll(s => s.Code == station.Code).Add(named).Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return state.WriteAsync(state.State with { Stations = stations });
    }

    public Task<ImmutableArray<StationProfile>> GetStations() => Task.FromResult(state.State.Stations);

    public Task<ImmutableArray<string>> GetServiceItems() =>
        Task.FromResult(state.State.Stations.SelectMany(s => s.ServiceItems).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray());

    public Task<PackagingCoverage> GetCoverage() =>
        Task.FromResult(new PackagingCoverage(GetPrimaryKeyString(), state.State.Counts.Enterprises, state.State.Counts.PackagedEnterprises));

    public Task<DistrictFigures> GetFigures() => Task.FromResult(FigureRules.Build(
        GetPrimaryKeyString(), state.State.ChangedAt ?? clock.UtcNow, state.State.Counts, state.State.Projects.Values, clock.Today));

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

    public async Task<bool> ResetFigures(FigureCounts counts, ImmutableArray<ProjectFigure> projects)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byId = (projects.IsDefault ? [] : projects).ToImmutableDictionary(p => p.ProjectId, StringComparer.Ordinal);
        var drifted = counts != state.State.Counts || !FigureRules.SameProjects(byId, state.State.Projects);
        await state.WriteAsync(state.State with { Counts = counts, Projects = byId, ChangedAt = clock.UtcNow });
        return drifted;
    }
}
