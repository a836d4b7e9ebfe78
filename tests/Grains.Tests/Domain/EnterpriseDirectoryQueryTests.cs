using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;
using Grains.Demo;
using Storage.ReadModels;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>The enterprise directory's query (search, filters, reach, sort, paging) on a small demo district. Each filtered
/// answer is checked against the district's whole unfiltered list, filtered in memory.</summary>
public abstract class EnterpriseDirectoryQueryTests : DomainTestBase
{
    private static readonly DemoSizes Sizes = new(Towns: 4, Stations: 8, Enterprises: 300, Officials: 60, Projects: 8, AppealsPerYear: 20);

    private EnterpriseQueries Queries => Silo.Get<EnterpriseQueries>();

    private async Task<(string District, IReadOnlyList<EnterpriseListItem> All)> SeedAsync()
    {
        var loaded = await Silo.Get<DemoDistrictSeeder>().SeedIfEmptyAsync(Sizes) ?? throw new InvalidOperationException("The demo district was already there.");
        var all = await Queries.ListAsync(new EnterpriseListQuery { DistrictCode = loaded.District.Code, Limit = SqlFilter.MaxLimit });
        Assert.Equal(Sizes.Enterprises, all.Total);
        return (loaded.District.Code, all.Items);
    }

    private async Task<IReadOnlyList<string>> CodesAsync(EnterpriseListQuery query) =>
        [.. (await Queries.ListAsync(query with { Limit = SqlFilter.MaxLimit })).Items.Select(i => i.CreditCode)];

    [Fact]
    public async Task ListAsync_PartialCreditCodeInLowerCase_FindsTheEnterprise()
    {
        // Arrange
        var (district, all) = await SeedAsync();
        var target = all[137];
        var part = target.CreditCode.Substring(6, 8).ToLowerInvariant();

        // Act
        var codes = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Search = part });

        // Assert
        Assert.Contains(target.CreditCode, codes);
        Assert.Equal(all.Where(e => e.CreditCode.Contains(part, StringComparison.OrdinalIgnoreCase) || e.Name.Contains(part, StringComparison.Ordinal))
            .Select(e => e.CreditCode), codes);
    }

    [Fact]
    public async Task ListAsync_PartOfName_MatchesNamesContainingIt()
    {
        // Arrange
        var (district, all) = await SeedAsync();
        var part = all[42].Name.Substring(2, 2);

        // Act
        var codes = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Search = part });

        // Assert
        Assert.Equal(all.Where(e => e.Name.Contains(part, StringComparison.Ordinal) || e.CreditCode.Contains(part, StringComparison.Ordinal))
            .Select(e => e.CreditCode), codes);
    }

    [Fact]
    public async Task ListAsync_TownIndustrySizeCreditAndPackaged_MatchInMemoryFilter()
    {
        // Arrange
        var (district, all) = await SeedAsync();
        var sample = all.First(e => e.OfficialCount > 0);

        // Act
        var byTown = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, TownCode = sample.TownCode, PackagedOnly = true });
        var byIndustry = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Industry = sample.Industry, UnpackagedOnly = true });
        var bySizeAndCredit = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Size = sample.Size, CreditLevel = sample.CreditLevel });
        var byStation = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, StationCode = sample.StationCode });

        // Assert
        Assert.Equal(all.Where(e => e.TownCode == sample.TownCode && e.OfficialCount > 0).Select(e => e.CreditCode), byTown);
        Assert.Equal(all.Where(e => e.Industry == sample.Industry && e.OfficialCount == 0).Select(e => e.CreditCode), byIndustry);
        Assert.Equal(all.Where(e => e.Size == sample.Size && e.CreditLevel == sample.CreditLevel).Select(e => e.CreditCode), bySizeAndCredit);
        Assert.Equal(all.Where(e => e.StationCode == sample.StationCode).Select(e => e.CreditCode), byStation);
        Assert.Contains(sample.CreditCode, byTown);
    }

    [Fact]
    public async Task ListAsync_SortByNameAndTown_CodePointOrderThenCreditCode()
    {
        // Arrange
        var (district, all) = await SeedAsync();

        // Act
        var byName = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Sort = EnterpriseSort.Name });
        var byTown = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Sort = EnterpriseSort.Town });

        // Assert
        Assert.Equal(all.OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.CreditCode, StringComparer.Ordinal).Select(e => e.CreditCode), byName);
        Assert.Equal(all.OrderBy(e => e.TownCode, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.CreditCode, StringComparer.Ordinal).Select(e => e.CreditCode), byTown);
    }

    [Fact]
    public async Task ListAsync_PagesOfTwenty_CoverTheListOnceWithTotal()
    {
        // Arrange
        var (district, all) = await SeedAsync();
        var query = new EnterpriseListQuery { DistrictCode = district, Sort = EnterpriseSort.Name, Limit = 20 };
        var seen = new List<string>();

        // Act
        for (var offset = 0; offset < all.Count; offset += 20)
        {
            var page = await Queries.ListAsync(query with { Offset = offset });
            Assert.Equal(all.Count, page.Total);
            seen.AddRange(page.Items.Select(i => i.CreditCode));
        }

        var beyond = await Queries.ListAsync(query with { Offset = all.Count });

        // Assert
        Assert.Equal(await CodesAsync(query), seen);
        Assert.Empty(beyond.Items);
        Assert.Equal(all.Count, beyond.Total);
    }

    [Fact]
    public async Task ListAsync_OfficialReach_PackagedEnterprisesAndOwnersOfStewardedProjects()
    {
        // Arrange
        var (district, _) = await SeedAsync();
        var project = (await Silo.Get<ProjectQueries>().ListAsync(new ProjectListQuery { DistrictCode = district, Limit = 1 })).Items[0];
        var official = Grains.GetGrain<IOfficialGrain>(project.StewardOfficialId);
        var packaged = await official.GetEnterprises();
        var stewarded = (await Silo.Get<ProjectQueries>().ListAsync(new ProjectListQuery { StewardOfficialId = project.StewardOfficialId, Limit = 500 }))
            .Items.Select(p => p.OwnerCreditCode);

        // Act
        var reach = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Reach = new OfficialReach(project.StewardOfficialId, packaged) });
        var nobody = await CodesAsync(new EnterpriseListQuery { DistrictCode = district, Reach = new OfficialReach("no-such-official", []) });

        // Assert
        Assert.Equal(packaged.Concat(stewarded).Distinct().Order(StringComparer.Ordinal), reach);
        Assert.Contains(project.OwnerCreditCode, reach);
        Assert.Empty(nobody);
    }

    [Fact]
    public async Task ListAsync_WildcardsAndOverlongSearch_WildcardsLiteralAndOverlongRefused()
    {
        // Arrange
        var (district, _) = await SeedAsync();

        // Act
        var wildcards = await Queries.ListAsync(new EnterpriseListQuery { DistrictCode = district, Search = "%_%zz-no-such" });
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Queries.ListAsync(new EnterpriseListQuery { DistrictCode = district, Search = new string('企', EnterpriseListQuery.MaxSearchLength + 1) }));

        // Assert
        Assert.Equal(0, wildcards.Total);
        Assert.Equal(ErrorCodes.ValueOutOfRange, error.Code);
    }

    [Fact]
    public async Task IndustriesAsync_DemoDistrict_DistinctIndustriesInCodeOrder()
    {
        // Arrange
        var (district, all) = await SeedAsync();

        // Act
        var industries = await Queries.IndustriesAsync(district);

        // Assert
        Assert.Equal(all.Select(e => e.Industry).Distinct().Order(StringComparer.Ordinal), industries);
    }
}

public sealed class EnterpriseDirectoryQuerySqliteTests : EnterpriseDirectoryQueryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EnterpriseDirectoryQueryPostgresTests : EnterpriseDirectoryQueryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
