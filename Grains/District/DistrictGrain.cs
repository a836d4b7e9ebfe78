using System.Collections.Immutable;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Live;
using Grains.Abstractions.Towns;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Grains.District;

internal sealed record DistrictState : IAggregatorState<DistrictState>
{
    public DistrictProfile? Profile { get; init; }

    public ImmutableArray<TownProfile> Towns { get; init; } = [];

    public ImmutableArray<DepartmentProfile> Departments { get; init; } = [];

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;

    public ImmutableDictionary<string, ProjectFigure> Projects { get; init; } = ImmutableDictionary<string, ProjectFigure>.Empty;

    public DateTimeOffset? ChangedAt { get; init; }

    public DateTimeOffset? RecountedAt { get; init; }

    public bool ClosedCleanly { get; init; }

    public DistrictState WithClosedCleanly(bool closedCleanly) => this with { ClosedCleanly = closedCleanly };
}

/// <summary>The district as the wall sees it: counters kept from the deltas entity grains send, never from a scan, and
/// the live channel that tells every Dashboard what changed (<see cref="DistrictLiveChannel"/>). It calls towns and
/// departments (to set them up and to read their figures); they call it back only one-way (a figure check request).</summary>
[GrainType("district")]
internal sealed partial class DistrictGrain(
    [PersistentState("district")] IPersistentState<DistrictState> state,
    FigureRecounter recounter,
    DistrictClock clock,
    ILogger<DistrictGrain> logger) : AggregatorGrain<DistrictState>(state), IDistrictGrain, IDistrictAdministrationGrain, IRemindable
{
    internal const string FigureCheckReminder = "figure-check";

    /// <summary>The daily check runs when the district is quiet (03:00 on the district's clock).</summary>
    private static readonly TimeSpan FigureCheckTime = TimeSpan.FromHours(3);

    /// <summary>A row changed this recently may still have its delta on the way, which a recount would count twice.</summary>
    private static readonly TimeSpan QuietMargin = TimeSpan.FromMinutes(1);

    /// <summary>When the district was busy at the check, the next attempt comes this much later.</summary>
    private static readonly TimeSpan BusyRetry = TimeSpan.FromMinutes(10);

    /// <summary>After a crash (of this grain or of a town or department), the check runs this soon.</summary>
    private static readonly TimeSpan AfterCrash = TimeSpan.FromMinutes(1);

    private DistrictLiveChannel? live;
    private IGrainTimer? liveTimer;
    private bool figuresChanged;
    private bool liveFlushArmed;

    private DistrictLiveChannel Live => live ??= new DistrictLiveChannel(this.GetPrimaryKeyString(), logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        liveTimer = this.RegisterGrainTimer(_ => FlushLiveAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (Current.Profile is not null
            && (StartedAfterCrash || await this.GetReminder(FigureCheckReminder, cancellationToken) is null))
        {
            await ScheduleFigureCheckAsync(StartedAfterCrash ? AfterCrash : UntilNextCheck());
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        liveTimer?.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task Define(DistrictProfile profile, ImmutableArray<TownProfile> towns, ImmutableArray<DepartmentProfile> departments)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = this.GetPrimaryKeyString();
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
        await WriteNowAsync(Current with
        {
            Profile = profile with { Name = Validation.Name(profile.Name) },
            Towns = [.. towns.OrderBy(t => t.Code, StringComparer.Ordinal)],
            Departments = [.. departments.OrderBy(d => d.Code, StringComparer.Ordinal)],
        });
        if (await this.GetReminder(FigureCheckReminder) is null)
        {
            await ScheduleFigureCheckAsync(UntilNextCheck());
        }
    }

    public Task<DistrictProfile> GetProfile() =>
        Task.FromResult(Current.Profile ?? throw new DomainException(ErrorCodes.DistrictUnknown, this.GetPrimaryKeyString()));

    public Task<DistrictFigures> GetFigures() => Task.FromResult(Figures());

    public Task<DistrictFigures> GetYearFigures(int year) => Task.FromResult(FigureRules.Build(
        this.GetPrimaryKeyString(), Current.ChangedAt ?? clock.UtcNow, Current.Counts, Current.Projects.Values, YearEnd(year)));

    public async Task<IReadOnlyList<DistrictFigures>> GetTownFigures() =>
        await Task.WhenAll(Current.Towns.Select(t => GrainFactory.GetGrain<ITownGrain>(t.Code).GetFigures()));

    public Task<IReadOnlyList<TownProfile>> GetTowns() => Task.FromResult<IReadOnlyList<TownProfile>>(Current.Towns);

    public async Task<IReadOnlyList<DepartmentRankingRow>> GetDepartmentRanking()
    {
        var departments = Current.Departments;
        var figures = await Task.WhenAll(departments.Select(d => Department(d.Code).GetFigures()));
        return [.. departments.Zip(figures)
            .Select(pair => (Profile: pair.First, Open: pair.Second.Counts, Counts: pair.Second.Counts.Year(clock.Today.Year)))
            // A department with nothing closed has no rate; it ranks after every department that has one.
            .OrderByDescending(d => Ratio(d.Counts.ClosedOnTime, d.Counts.Closed) ?? -1)
            .ThenByDescending(d => Ratio(d.Counts.Satisfied, d.Counts.Rated) ?? -1)
            .ThenBy(d => d.Open.OpenRed)
            .ThenBy(d => d.Profile.Code, StringComparer.Ordinal)
            .Select((d, index) => new DepartmentRankingRow(
                index + 1, d.Profile.Code, d.Profile.NameZh, d.Profile.NameEn,
                d.Open.OpenGreen + d.Open.OpenYellow + d.Open.OpenRed, d.Open.OpenRed, d.Counts.Closed,
                Ratio(d.Counts.ClosedOnTime, d.Counts.Closed), Ratio(d.Counts.Satisfied, d.Counts.Rated)))];
    }

    public Task<IReadOnlyList<ProjectMarker>> GetProjectMarkers(string? townCode) =>
        Task.FromResult<IReadOnlyList<ProjectMarker>>([.. Current.Projects.Values
            .Where(p => p.Location is not null && (townCode is null || p.TownCode == townCode))
            .OrderBy(p => p.ProjectId, StringComparer.Ordinal)
            .Select(p => new ProjectMarker(p.ProjectId, p.Name, p.TownCode, p.Location!, p.Stage,
                FigureRules.IsBehind(p, clock.Today), FigureRules.CompletionRate(p)))]);

    public Task<ImmutableArray<DepartmentProfile>> GetDepartments() => Task.FromResult(Current.Departments);

    public Task<DateTimeOffset?> GetRecountedAt() => Task.FromResult(Current.RecountedAt);

    public Task ApplyCounts(FigureCounts before, FigureCounts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Accumulate(Current with { Counts = Current.Counts.Minus(before).Plus(after), ChangedAt = clock.UtcNow });
        FiguresChanged();
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
        FiguresChanged();
        return Task.CompletedTask;
    }

    public Task Publish(ImmutableArray<DistrictEvent> events)
    {
        if (!events.IsDefaultOrEmpty)
        {
            Live.Append(events);
            ArmLiveFlush();
        }

        return Task.CompletedTask;
    }

    public Task RequestFigureCheck() => Current.Profile is null ? Task.CompletedTask : ScheduleFigureCheckAsync(AfterCrash);

    public Task<LiveCursor> Subscribe(IDistrictObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return Task.FromResult(Live.Subscribe(observer));
    }

    public Task Unsubscribe(IDistrictObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        Live.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<DistrictBacklog> GetEventsSince(Guid epoch, long sequence) => Task.FromResult(Live.Since(epoch, sequence));

    public async Task<DistrictFigures> Recount() => await ApplyRecountAsync(await recounter.RecountAsync(this.GetPrimaryKeyString()));

    /// <summary>The self-check (daily, and at silo start-up): recount from the read model and repair any drift, unless a
    /// row changed so recently that its delta may still be on its way, which the recount would count twice (then it tries
    /// again a little later). The change time is read after the counts, so a row written during the read shows.</summary>
    public async Task<bool> CheckFigures()
    {
        var started = clock.UtcNow;
        var result = await recounter.RecountAsync(this.GetPrimaryKeyString());
        if (result.LastChangeAt > started - QuietMargin)
        {
            LogBusy(this.GetPrimaryKeyString(), BusyRetry);
            await ScheduleFigureCheckAsync(BusyRetry);
            return false;
        }

        await ApplyRecountAsync(result);
        await ScheduleFigureCheckAsync(UntilNextCheck());
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckFigures();

    /// <summary>Replaces every counter with the recount and logs what had drifted. A first count (after a bulk load,
    /// when nothing was counted yet) is not a drift.</summary>
    private async Task<DistrictFigures> ApplyRecountAsync(RecountResult result)
    {
        var before = Current;
        var now = clock.UtcNow;
        var projects = result.Projects.ToImmutableDictionary(p => p.ProjectId, StringComparer.Ordinal);
        await WriteNowAsync(Current with { Counts = result.District, Projects = projects, ChangedAt = now, RecountedAt = now });
        FiguresChanged();

        var towns = Current.Towns.Select(t => t.Code).Concat(result.Towns.Keys).Distinct(StringComparer.Ordinal).ToList();
        var townDrift = await Task.WhenAll(towns.Select(town => GrainFactory.GetGrain<ITownGrain>(town).ResetFigures(
            result.Towns.GetValueOrDefault(town) ?? FigureCounts.Zero,
            [.. result.Projects.Where(p => p.TownCode == town)])));
        var departments = Current.Departments.Select(d => d.Code).Concat(result.Departments.Keys).Distinct(StringComparer.Ordinal).ToList();
        var departmentDrift = await Task.WhenAll(departments.Select(department => Department(department).ResetFigures(
            result.Departments.GetValueOrDefault(department) ?? FigureCounts.Zero)));

        var firstCount = before.Counts.IsZero() && before.Projects.IsEmpty;
        var drift = FigureDrift.Describe(before.Counts, result.District);
        var projectsDrifted = !FigureRules.SameProjects(before.Projects, projects);
        var driftedTowns = towns.Where((_, i) => townDrift[i]).ToList();
        var driftedDepartments = departments.Where((_, i) => departmentDrift[i]).ToList();
        if (!firstCount && (drift.Length > 0 || projectsDrifted || driftedTowns.Count > 0 || driftedDepartments.Count > 0))
        {
            LogDrift(this.GetPrimaryKeyString(), drift.Length > 0 ? drift : "none", projectsDrifted,
                string.Join(",", driftedTowns), string.Join(",", driftedDepartments));
        }

        return Figures();
    }

    /// <summary>The wall gets the new figures with the next batch of the live channel.</summary>
    private void FiguresChanged()
    {
        figuresChanged = true;
        ArmLiveFlush();
    }

    /// <summary>Arms the flush once per batch: re-arming on every event would push the flush back for as long as events keep
    /// coming, and a busy district would send nothing.</summary>
    private void ArmLiveFlush()
    {
        if (liveFlushArmed || (!Live.HasPending && !figuresChanged))
        {
            return;
        }

        liveFlushArmed = true;
        liveTimer?.Change(DistrictLiveChannel.BatchDelay, Timeout.InfiniteTimeSpan);
    }

    private Task FlushLiveAsync()
    {
        liveFlushArmed = false;
        var figures = figuresChanged ? Figures() : null;
        figuresChanged = false;
        Live.Flush(figures);
        return Task.CompletedTask;
    }

    private TimeSpan UntilNextCheck()
    {
        var local = clock.LocalNow;
        var next = new DateTimeOffset(local.Date + FigureCheckTime, local.Offset);
        return (next > local ? next : next.AddDays(1)) - local;
    }

    private Task ScheduleFigureCheckAsync(TimeSpan due) => this.RegisterOrUpdateReminder(FigureCheckReminder, due, TimeSpan.FromDays(1));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Recount of district {District} repaired drifted figures: district counters {Drift}; projects drifted {Projects}; towns [{Towns}]; departments [{Departments}]")]
    private partial void LogDrift(string district, string drift, bool projects, string towns, string departments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Figure check of district {District} postponed by {Retry}: rows changed a moment ago")]
    private partial void LogBusy(string district, TimeSpan retry);

    private DistrictFigures Figures() => FigureRules.Build(
        this.GetPrimaryKeyString(), Current.ChangedAt ?? clock.UtcNow, Current.Counts, Current.Projects.Values, clock.Today);

    private IDepartmentGrain Department(string code) => GrainFactory.GetGrain<IDepartmentGrain>(DepartmentKey.Of(this.GetPrimaryKeyString(), code));

    /// <summary>A past year is read as on its last day; the current year as today.</summary>
    private DateOnly YearEnd(int year) => year == clock.Today.Year ? clock.Today : new DateOnly(year, 12, 31);

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
