using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Enterprises;

/// <summary>One enterprise (企业), keyed by its unified social credit code.</summary>
[Alias("cc.IEnterpriseGrain")]
public interface IEnterpriseGrain : IGrainWithStringKey
{
    /// <summary>Registers the enterprise or updates its profile; the credit code must be valid and the town known.</summary>
    Task<EnterpriseProfile> Register(EnterpriseProfile profile);

    /// <summary>The enterprise's profile, or null when it was never registered.</summary>
    [ReadOnly]
    Task<EnterpriseProfile?> GetProfile();

    /// <summary>The officials who package (包联) this enterprise.</summary>
    [ReadOnly]
    Task<ImmutableArray<string>> GetOfficials();

    /// <summary>Records that an official packages this enterprise; called by the official's side of the assignment.</summary>
    Task AddOfficial(string officialId);

    /// <summary>Records that an official no longer packages this enterprise; called by the official's side of the assignment.</summary>
    Task RemoveOfficial(string officialId);
}
