using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Orleans;
using Orleans.Runtime;

namespace Grains.Departments;

internal sealed record DepartmentState : IAggregatorState<DepartmentState>
{
    public DepartmentProfile? Profile { get; init; }

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;

    public DateTimeOffset? ChangedAt { get; init; }

    public bool ClosedCleanly { get; init; }

    public DepartmentState WithClosedCleanly(bool closedCleanly) => this with { ClosedCleanly = closedCleanly };
}

/// <summary>A department's profile and the counters of the appeals routed to it; appeal grains send it deltas.
/// Keyed by <see cref="DepartmentKey"/> (district and department code).</summary>
[GrainType("department")]
internal sealed class DepartmentGrain(
    [PersistentState("department")] IPersistentState<DepartmentState> state,
    DistrictClock clock) : AggregatorGrain<DepartmentState>(state), IDepartmentGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (StartedAfterCrash && Current.Profile is not null)
        {
            // One-way: the district calls departments during a recount, so waiting for it here could wait on ourselves.
            await GrainFactory.GetGrain<IDistrictAdministrationGrain>(DepartmentKey.DistrictCode(this.GetPrimaryKeyString())).RequestFigureCheck();
        }
    }

    public async Task Define(DepartmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validation.SameKey(DepartmentKey.DepartmentCode(this.GetPrimaryKeyString()), profile.Code);
        var named = profile with { NameZh = Validation.Name(profile.NameZh), NameEn = Validation.Name(profile.NameEn) };
        await WriteNowAsync(Current with { Profile = named });
    }

    public Task<DepartmentProfile?> GetProfile() => Task.FromResult(Current.Profile);

    public Task<DepartmentFigures> GetFigures() =>
        Task.FromResult(new DepartmentFigures(DepartmentKey.DepartmentCode(this.GetPrimaryKeyString()), Current.Counts, Current.ChangedAt ?? clock.UtcNow));

    public Task ApplyCounts(FigureCounts before, FigureCounts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Accumulate(Current with { Counts = Current.Counts.Minus(before).Plus(after), ChangedAt = clock.UtcNow });
        return Task.CompletedTask;
    }

    public async Task<bool> ResetFigures(FigureCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var drifted = counts != Current.Counts;
        await WriteNowAsync(Current with { Counts = counts, ChangedAt = clock.UtcNow });
        return drifted;
    }
}
