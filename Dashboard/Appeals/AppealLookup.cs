using Grains.Abstractions.Appeals;
using Storage.ReadModels;

namespace Dashboard.Appeals;

/// <summary>An appeal's grain only when the read model knows its id: a made-up id from a URL, a form or a hub call answers
/// "not found" without making the silo activate a grain for it.</summary>
internal sealed class AppealLookup(IGrainFactory grains, AppealQueries queries)
{
    public async Task<IAppealGrain?> FindAsync(string? appealId) =>
        string.IsNullOrWhiteSpace(appealId) || appealId.Length > Http.GrainKeyGuard.MaxLength || !await queries.ExistsAsync(appealId)
            ? null
            : grains.GetGrain<IAppealGrain>(appealId);

    /// <summary>The appeal, or null when the id is unknown.</summary>
    public async Task<Appeal?> GetAsync(string? appealId) => await FindAsync(appealId) is { } grain ? await grain.Get() : null;
}
