using System.Collections.Immutable;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Towns;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Microsoft.Extensions.Logging;
using Storage.ReadModels;
using Orleans;
using Orleans.Runtime;

namespace Grains.Enterprises;

internal sealed record EnterpriseState
{
    public EnterpriseProfile? Profile { get; init; }

    public string? DistrictCode { get; init; }

    /// <summary>The officials who package it; the official's grain owns the assignment and tells this side.</summary>
    public ImmutableArray<string> Officials { get; init; } = [];

    public CountedScope Counted { get; init; } = CountedScope.Nothing;
}

/// <summary>An enterprise's profile and its package officials; it counts in its district's and town's figures.
/// It calls towns (to check them) and aggregators, never officials or appeals.</summary>
[GrainType("enterprise")]
internal sealed class EnterpriseGrain(
    [PersistentState("enterprise")] IPersistentState<EnterpriseState> state,
    ReadModelWriter readModel,
    DistrictClock clock,
    ILogger<EnterpriseGrain> logger) : Grain, IEnterpriseGrain
{
    private const int MaxIndustryLength = 50;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Profile is null ? Task.CompletedTask : readModel.UpsertAsync(Row(state.State));

    public async Task<EnterpriseProfile> Register(EnterpriseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        UnifiedSocialCreditCode.Validate(profile.CreditCode);
        Validation.SameKey(this.GetPrimaryKeyString(), profile.CreditCode);
        var name = Validation.Name(profile.Name);
        var industry = TextRules.Require(profile.Industry, "field.industry", MaxIndustryLength);
        Validation.Location(profile.Location);
        var town = GrainFactory.GetGrain<ITownGrain>(profile.TownCode ?? string.Empty);
        var townProfile = await town.GetProfile() ?? throw new DomainException(ErrorCodes.TownUnknown, profile.TownCode);
        if (profile.StationCode is { } station && !(await town.GetStations()).Any(s => s.Code == station))
        {
            throw new DomainException(ErrorCodes.StationUnknown, station, profile.TownCode);
        }

        var registered = profile with { Name = name, Industry = industry };
        await CommitAsync(state.State with { Profile = registered, DistrictCode = townProfile.DistrictCode });
        return registered;
    }

    public Task<EnterpriseProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public Task<ImmutableArray<string>> GetOfficials() => Task.FromResult(state.State.Officials);

    public async Task AddOfficial(string officialId)
    {
        var profile = RequireProfile();
        if (string.IsNullOrWhiteSpace(officialId))
        {
            throw new DomainException(ErrorCodes.OfficialUnknown, officialId);
        }

        if (state.State.Officials.Contains(officialId))
        {
            return;
        }

        await CommitAsync(state.State with { Officials = state.State.Officials.Add(officialId).Sort(StringComparer.Ordinal) }, PackagingNews(profile));
    }

    public async Task RemoveOfficial(string officialId)
    {
        var profile = RequireProfile();
        if (!state.State.Officials.Contains(officialId))
        {
            return;
        }

        await CommitAsync(state.State with { Officials = state.State.Officials.Remove(officialId) }, PackagingNews(profile));
    }

    private EnterpriseProfile RequireProfile() =>
        state.State.Profile ?? throw new DomainException(ErrorCodes.EnterpriseUnknown, this.GetPrimaryKeyString());

    private DistrictEvent PackagingNews(EnterpriseProfile profile) =>
        new(DistrictEventKind.PackagingChanged, clock.UtcNow, profile.TownCode, profile.CreditCode, profile.Name, profile.Location);

    /// <summary>State first (the truth), then the read model and the aggregators, which a recount can repair.</summary>
    private async Task CommitAsync(EnterpriseState next, DistrictEvent? news = null)
    {
        var before = state.State.Counted;
        next = next with { Counted = Scope(next) };
        await state.WriteAsync(next);
        await AfterCommit.RunAsync(this, GrainFactory, logger, next.DistrictCode, async () =>
        {
            ImmutableArray<DistrictEvent> feed = news is null ? [] : [news];
            await readModel.UpsertAsync(Row(next), next.DistrictCode, feed);
            await FigureDispatch.SendCountsAsync(GrainFactory, before, next.Counted);
            await DistrictFeed.PublishAsync(GrainFactory, next.DistrictCode, feed);
        });
    }

    internal static CountedScope Scope(EnterpriseState s) => s.Profile is null || s.DistrictCode is null
        ? CountedScope.Nothing
        : new CountedScope { DistrictCode = s.DistrictCode, TownCode = s.Profile.TownCode, Counts = FigureRules.ForEnterprise(s.Officials.Length) };

    private EnterpriseRowSource Row(EnterpriseState s) => new(s.Profile!, s.DistrictCode ?? string.Empty, s.Officials.Length, clock.UtcNow);
}
