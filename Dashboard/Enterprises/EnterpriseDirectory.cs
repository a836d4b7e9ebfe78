using System.Security.Claims;
using Dashboard.Auth;
using Dashboard.Towns;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Towns;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.Options;
using Orleans;

namespace Dashboard.Enterprises;

/// <summary>The enterprise directory (/enterprises and its CSV export): works out what the user may see, checks the filter
/// against the district, and pages through the read model (rm_enterprises). Besides the read model it asks the district
/// grain (towns), at most one town grain (its stations) and, for a steward, their own official grain (what they package):
/// never an enterprise grain.</summary>
internal sealed class EnterpriseDirectory(EnterpriseQueries queries, TownDirectory towns, IGrainFactory grains, IOptions<DomainOptions> domain)
{
    /// <summary>Most rows one CSV export holds; the filters narrow a bigger list.</summary>
    public const int MaxExportRows = 10_000;

    private const int ExportPage = 500;

    /// <summary>What the user's directory covers, or null when their role or scope gives them none.</summary>
    public async Task<EnterpriseDirectoryScope?> ScopeAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var district = domain.Value.DistrictCode;
        if (user.IsInRole(DashboardRoles.Dispatcher) || user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin))
        {
            return new(district, null, null);
        }

        if (user.ScopeId() is not { Length: > 0 } scope)
        {
            return null;
        }

        if (user.IsInRole(DashboardRoles.Town))
        {
            return new(district, scope, null);
        }

        if (user.IsInRole(DashboardRoles.Steward))
        {
            var packaged = await grains.GetGrain<IOfficialGrain>(scope).GetEnterprises();
            return new(district, null, new OfficialReach(scope, packaged));
        }

        return null;
    }

    /// <summary>Checks the request: null with the reason to log when it must be refused (no scope, or a town operator asking
    /// for another town); otherwise the request with unknown towns, stations and industries dropped and reported.</summary>
    public async Task<(EnterpriseDirectoryRequest? Request, string? Refusal)> ResolveAsync(ClaimsPrincipal user, EnterpriseDirectoryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (await ScopeAsync(user) is not { } scope)
        {
            return (null, "enterprise directory without a scope");
        }

        if (scope.TownCode is { } own && filter.Town is { } asked && !string.Equals(own, asked, StringComparison.Ordinal))
        {
            return (null, $"enterprise directory of town {asked} by the operator of {own}");
        }

        var problems = filter.Problems.ToList();
        var all = await towns.ListAsync();
        var townCode = scope.TownCode ?? filter.Town;
        var town = townCode is null ? null : all.FirstOrDefault(t => string.Equals(t.Code, townCode, StringComparison.Ordinal));
        if (townCode is not null && town is null)
        {
            problems.Add(new("TownUnknown", [townCode]));
        }

        IReadOnlyList<StationProfile> stations = town is null ? [] : await grains.GetGrain<ITownGrain>(town.Code).GetStations();
        var station = filter.Station;
        if (station is not null && !stations.Any(s => string.Equals(s.Code, station, StringComparison.Ordinal)))
        {
            problems.Add(town is null ? new("StationNeedsTown", [station]) : new("StationUnknown", [station, town.Name]));
            station = null;
        }

        var industries = await queries.IndustriesAsync(scope.DistrictCode, cancellationToken);
        var industry = filter.Industry;
        if (industry is not null && !industries.Contains(industry, StringComparer.Ordinal))
        {
            problems.Add(new("IndustryUnknown", [industry]));
            industry = null;
        }

        var checkedFilter = filter with
        {
            Town = scope.TownCode is null ? town?.Code : null,
            Station = station,
            Industry = industry,
            Problems = problems,
        };
        var offered = scope.TownCode is null ? all : [.. all.Where(t => string.Equals(t.Code, scope.TownCode, StringComparison.Ordinal))];
        return (new EnterpriseDirectoryRequest(scope, checkedFilter, offered, stations, industries,
            all.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal)), null);
    }

    /// <summary>One page of the directory.</summary>
    public Task<Page<EnterpriseListItem>> ListAsync(EnterpriseDirectoryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return queries.ListAsync(request.Filter.ToQuery(request.Scope), cancellationToken);
    }

    /// <summary>Every row of the filtered list (up to <see cref="MaxExportRows"/>), for the export.</summary>
    public async Task<IReadOnlyList<EnterpriseListItem>> AllAsync(EnterpriseDirectoryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = new List<EnterpriseListItem>();
        for (var offset = 0; offset < MaxExportRows; offset += ExportPage)
        {
            var page = await queries.ListAsync(request.Filter.ToQuery(request.Scope, ExportPage, offset), cancellationToken);
            rows.AddRange(page.Items);
            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0)
            {
                break;
            }
        }

        return rows;
    }
}
