using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Towns;
using Grains.Appeals;
using Grains.Common;
using Grains.Enterprises;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Grains.Officials;

internal sealed record OfficialState
{
    public OfficialProfile? Profile { get; init; }

    public string? DistrictCode { get; init; }

    public ImmutableArray<string> Enterprises { get; init; } = [];

    public ImmutableArray<VisitRecord> Visits { get; init; } = [];
}

/// <summary>An official: profile, packaging assignments (this side owns them and tells the enterprise first, so the
/// call goes official → enterprise only) and the visit log, whose problems become appeals (official → appeal).</summary>
[GrainType("official")]
internal sealed class OfficialGrain(
    [PersistentState("official")] IPersistentState<OfficialState> state,
    ReadModelWriter readModel,
    AppealLifecycle lifecycle,
    IOptions<DomainOptions> options,
    DistrictClock clock) : Grain, IOfficialGrain
{
    private const int MaxUnitLength = 64;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Profile is null ? Task.CompletedTask : readModel.UpsertAsync(Row(state.State));

    public async Task<OfficialProfile> Register(OfficialProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Validation.SameKey(this.GetPrimaryKeyString(), profile.Id);
        var name = Validation.Name(profile.Name);
        var unit = TextRules.Require(profile.UnitCode, "field.unit", MaxUnitLength);
        if (!Enum.IsDefined(profile.Tier))
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, "tier", profile.Tier);
        }

        var district = options.Value.DistrictCode;
        if (profile.Tier is OfficialTier.Town or OfficialTier.VillageCommunity || profile.TownCode is not null)
        {
            var town = await GrainFactory.GetGrain<ITownGrain>(profile.TownCode ?? string.Empty).GetProfile()
                ?? throw new DomainException(ErrorCodes.TownUnknown, profile.TownCode);
            district = town.DistrictCode;
        }

        var registered = profile with { Name = name, UnitCode = unit, Industries = profile.Industries.IsDefault ? [] : profile.Industries };
        await CommitAsync(state.State with { Profile = registered, DistrictCode = district });
        return registered;
    }

    public Task<OfficialProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public Task<ImmutableArray<string>> GetEnterprises() => Task.FromResult(state.State.Enterprises);

    public async Task Assign(string enterpriseCreditCode)
    {
        RequireProfile();
        var code = UnifiedSocialCreditCode.Normalise(enterpriseCreditCode ?? string.Empty);
        if (state.State.Enterprises.Contains(code))
        {
            return;
        }

        // The enterprise checks that it exists and records the official; only then does this side record it, so a
        // refused assignment changes neither side. A failure after the enterprise's write is repaired by assigning again.
        await GrainFactory.GetGrain<IEnterpriseGrain>(code).AddOfficial(this.GetPrimaryKeyString());
        await CommitAsync(state.State with { Enterprises = state.State.Enterprises.Add(code).Sort(StringComparer.Ordinal) });
    }

    public async Task Unassign(string enterpriseCreditCode)
    {
        RequireProfile();
        var code = UnifiedSocialCreditCode.Normalise(enterpriseCreditCode ?? string.Empty);
        if (!state.State.Enterprises.Contains(code))
        {
            return;
        }

        await GrainFactory.GetGrain<IEnterpriseGrain>(code).RemoveOfficial(this.GetPrimaryKeyString());
        await CommitAsync(state.State with { Enterprises = state.State.Enterprises.Remove(code) });
    }

    public async Task<VisitRecord> RecordVisit(VisitReport visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var profile = RequireProfile();
        var notes = TextRules.Require(visit.Notes, "field.note", lifecycle.Settings.MaxTextLength);
        if (visit.Date > clock.Today)
        {
            throw new DomainException(ErrorCodes.VisitInFuture, visit.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var code = UnifiedSocialCreditCode.Normalise(visit.EnterpriseCreditCode ?? string.Empty);
        var problems = visit.Problems.IsDefault ? [] : visit.Problems;
        // Check every problem before raising any, so a bad one raises none.
        foreach (var problem in problems)
        {
            ProblemRules.Check(problem, lifecycle);
        }

        var enterprise = await GrainFactory.GetGrain<IEnterpriseGrain>(code).GetProfile()
            ?? throw new DomainException(ErrorCodes.EnterpriseUnknown, code);
        var sequence = state.State.Visits.Length + 1;
        var actor = new AppealActor(this.GetPrimaryKeyString(), ActorRole.PackageOfficial, profile.UnitCode, ActionChannel.OfficialVisit);
        var appealIds = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < problems.Length; i++)
        {
            var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{this.GetPrimaryKeyString()}-v{sequence:D4}-{i + 1}");
            await ProblemRules.RaiseAsync(GrainFactory, id, problems[i], enterprise, AppealChannel.OfficialVisit, projectId: null, actor);
            appealIds.Add(id);
        }

        var record = new VisitRecord(sequence, code, visit.Date, notes, appealIds.ToImmutable(), clock.UtcNow);
        await state.WriteAsync(state.State with { Visits = state.State.Visits.Add(record) });
        return record;
    }

    public Task<ImmutableArray<VisitRecord>> GetVisits() => Task.FromResult(state.State.Visits);

    private OfficialProfile RequireProfile() =>
        state.State.Profile ?? throw new DomainException(ErrorCodes.OfficialUnknown, this.GetPrimaryKeyString());

    private async Task CommitAsync(OfficialState next)
    {
        await state.WriteAsync(next);
        await readModel.UpsertAsync(Row(next));
    }

    private OfficialRowSource Row(OfficialState s) =>
        new(s.Profile ?? throw new InvalidOperationException("An official without a profile has no row."),
            s.DistrictCode ?? options.Value.DistrictCode, s.Enterprises.Length, clock.UtcNow);
}
