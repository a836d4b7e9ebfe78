using Grains.Abstractions.Departments;
using Grains.Abstractions.Figures;
using Grains.Common;
using Grains.Hosting;
using Silo;

namespace Grains.Departments;

internal sealed record DepartmentState
{
    public DepartmentProfile? Profile { get; init; }

    public FigureCounts Counts { get; init; } = FigureCounts.Zero;

    public DateTimeOffset? ChangedAt { get; init; }
}

/// <summary>A department's profile and the counters of the appeals routed to it; appeal grains send it deltas.
/// Keyed by <see cref="DepartmentKey"/> (district and department code).</summary>
internal sealed class DepartmentGrain(
    [PersistentState("department")] IPersistentState<DepartmentState> state,
    DistrictClock clock) : Grain, IDepartmentGrain
{
    public async Task Define(DepartmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validation.SameKey(DepartmentKey.DepartmentCode(GetPrimaryKeyString()), profile.Code);
        var named = profile with { NameZh = Validation.Name(profile.NameZh), NameEn = Validation.Name(profile.NameEn) };
        await WriteAsync(state.State with { Profile = named });
    }

    public Task<DepartmentProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public Task<DepartmentFigures> GetFigures() =>
        Task.FromResult(new DepartmentFigures(DepartmentKey.DepartmentCode(GetPrimaryKeyString()), state.State.Counts, state.State.ChangedAt ?? clock.UtcNow));

    public Task ApplyCounts(FigureCounts before, FigureCounts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return WriteAsync(state.State with { Counts = state.State.Counts.Minus(before).Plus(after), ChangedAt = clock.UtcNow });
    }

    public async Task<bool> ResetFigures(FigureCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var drifted = counts != state.State.Counts;
        await WriteAsync(state.State with { Counts = counts, ChangedAt = clock.UtcNow });
        return drifted;
    }

    private Task WriteAsync(DepartmentState next) => state.WriteAsync(next);
}
