using System.Collections.Immutable;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Packaging;
using Grains.Abstractions.Towns;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Grains.Towns;

internal sealed record TownState : IAggregatorState<TownState>
{
    public TownProfile? Profile { get; init; }

    public ImmutableArray<StationProfile> Stations { get; init; } = [];

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;

    public ImmutableDictionary<string, ProjectFigure> Projects { get; init; } = ImmutableDictionary<string, ProjectFigure>.Empty;

    public DateTimeOffset? ChangedAt { get; init; }

    public bool ClosedCleanly { get; init; }

    public TownState WithClosedCleanly(bool closedCleanly) => this with { ClosedCleanly = closedCleanly };
}

/// <summary>A town centre: its stations and service items, and its grid's counters, which entity grains send deltas to.</summary>
[GrainType("town")]
internal sealed class TownGrain(
    [PersistentState("town")] IPersistentState<TownState> state,
    DistrictClock clock) : AggregatorGrain<TownState>(state), ITownGrain
{
    private const int MaxServiceItemLength = 50;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (StartedAfterCrash && Current.Profile is { } profile)
        {
            // One-way: the district calls towns during a recount, so waiting for it here could wait on ourselves.
            await GrainFactory.GetGrain<IDistrictAdministrationGrain>(profile.DistrictCode).RequestFigureCheck();
        }
    }

    public Task Define(TownProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validation.SameKey(this.GetPrimaryKeyString(), profile.Code);
        Validation.Location(profile.Centre);
        // Town grains are keyed by the town code alone, so a second district reusing a code would merge two grids' figures.
        if (Current.Profile is { } existing && existing.DistrictCode != profile.DistrictCode)
        {
            throw new Abstractions.Errors.DomainException(Abstractions.Errors.ErrorCodes.TownInOtherDistrict, profile.Code, existing.DistrictCode, profile.DistrictCode);
        }

        var boundary = profile.Boundary.IsDefault ? [] : profile.Boundary;
        foreach (var point in boundary)
        {
            Validation.Location(point);
        }

        var grids = profile.Grids.IsDefault ? [] : profile.Grids;
        foreach (var point in grids.SelectMany(cell => cell.Boundary))
        {
            Validation.Location(point);
        }

        return WriteNowAsync(Current with
        {
            Profile = profile with
            {
                Name = Validation.Name(profile.Name),
                Boundary = boundary,
                Grids = [.. grids.Select(cell => cell with { Name = Validation.Name(cell.Name) })],
            },
        });
    }

    public Task<TownProfile?> GetProfile() => Task.FromResult(Current.Profile);

    public Task SetStation(StationProfile station)
    {
        ArgumentNullException.ThrowIfNull(station);
        Validation.SameKey(this.GetPrimaryKeyString(), station.TownCode);
        if (string.IsNullOrWhiteSpace(station.Code))
        {
            throw new Abstractions.Errors.DomainException(Abstractions.Errors.ErrorCodes.TextEmpty, "field.name");
        }

        Validation.Location(station.Location);
        if (station.ServiceRadiusMeters is < 0 or > StationProfile.MaxServiceRadiusMeters)
        {
            throw new Abstractions.Errors.DomainException(Abstractions.Errors.ErrorCodes.ValueOutOfRange, "field.service-radius", station.ServiceRadiusMeters);
        }

        var items = (station.ServiceItems.IsDefault ? [] : station.ServiceItems)
            .Select(item => TextRules.Require(item, "field.service-item", MaxServiceItemLength))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var named = station with { Name = Validation.Name(station.Name), ServiceItems = items };
        var stations = Current.Stations.RemoveAll(s => s.Code == station.Code).Add(named).Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return WriteNowAsync(Current with { Stations = stations });
    }

    public Task<ImmutableArray<StationProfile>> GetStations() => Task.FromResult(Current.Stations);

    public Task<ImmutableArray<string>> GetServiceItems() =>
        Task.FromResult(Current.Stations.SelectMany(s => s.ServiceItems).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray());

    public Task<PackagingCoverage> GetCoverage() =>
        Task.FromResult(new PackagingCoverage(this.GetPrimaryKeyString(), Current.Counts.Enterprises, Current.Counts.PackagedEnterprises));

    public Task<DistrictFigures> GetFigures() => Task.FromResult(FigureRules.Build(
        this.GetPrimaryKeyString(), Current.ChangedAt ?? clock.UtcNow, Current.Counts, Current.Projects.Values, clock.Today));

    public Task ApplyCounts(FigureCounts before, FigureCounts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Accumulate(Current with { Counts = Current.Counts.Minus(before).Plus(after), ChangedAt = clock.UtcNow });
        return Task.CompletedTask;
    }

    public Task ApplyProject(ProjectFigure? before, ProjectFigure? after)
    {
        var projects = Current.Projects;
        if (before is not null)
        {
            projects = projects.Remove(before.ProjectId);
        }

        if (after is not null)
        {
            projects = projects.SetItem(after.ProjectId, after);
        }

        Accumulate(Current with { Projects = projects, ChangedAt = clock.UtcNow });
        return Task.CompletedTask;
    }

    public async Task<bool> ResetFigures(FigureCounts counts, ImmutableArray<ProjectFigure> projects)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byId = (projects.IsDefault ? [] : projects).ToImmutableDictionary(p => p.ProjectId, StringComparer.Ordinal);
        var drifted = counts != Current.Counts || !FigureRules.SameProjects(byId, Current.Projects);
        await WriteNowAsync(Current with { Counts = counts, Projects = byId, ChangedAt = clock.UtcNow });
        return drifted;
    }
}
