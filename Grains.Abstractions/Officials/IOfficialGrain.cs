using System.Collections.Immutable;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Officials;

/// <summary>One official (干部), keyed by the official's id; owns the packaging (包联) assignments and the visit log.</summary>
[Alias("cc.IOfficialGrain")]
public interface IOfficialGrain : IGrainWithStringKey
{
    /// <summary>Registers the official or updates the profile; a town or village official's town must be known.</summary>
    Task<OfficialProfile> Register(OfficialProfile profile);

    /// <summary>The official's profile, or null when never registered.</summary>
    [ReadOnly]
    Task<OfficialProfile?> GetProfile();

    /// <summary>The enterprises this official packages.</summary>
    [ReadOnly]
    Task<ImmutableArray<string>> GetEnterprises();

    /// <summary>Packages an enterprise (包联); both the official and the enterprise record it. Assigning twice changes nothing.</summary>
    Task Assign(string enterpriseCreditCode);

    /// <summary>Stops packaging an enterprise; both sides forget it.</summary>
    Task Unassign(string enterpriseCreditCode);

    /// <summary>Records a visit (走访); each problem found becomes an appeal raised through the official-visit channel.</summary>
    Task<VisitRecord> RecordVisit(VisitReport visit);

    /// <summary>The visit log, oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<VisitRecord>> GetVisits();
}
