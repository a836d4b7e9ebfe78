using Grains.Abstractions.District;
using Grains.Abstractions.Towns;
using Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans;

namespace Dashboard.Towns;

/// <summary>The district's towns, from the district grain: a town code from a URL is looked up here before any
/// town grain is asked, so that a made-up code never activates one.</summary>
internal sealed class TownDirectory(IGrainFactory grains, IOptions<DomainOptions> options)
{
    private IDistrictGrain District => grains.GetGrain<IDistrictGrain>(options.Value.DistrictCode);

    public Task<IReadOnlyList<TownProfile>> ListAsync() => District.GetTowns();

    public async Task<TownProfile?> FindAsync(string townCode)
    {
        var towns = await ListAsync();
        return towns.FirstOrDefault(t => string.Equals(t.Code, townCode, StringComparison.Ordinal));
    }

    public Task<IReadOnlyList<DistrictFigures>> FiguresAsync() => District.GetTownFigures();
}
