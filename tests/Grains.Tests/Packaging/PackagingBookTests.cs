using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Packaging;
using Grains.Packaging;

namespace Grains.Tests.Packaging;

public sealed class PackagingBookTests
{
    private static EnterpriseProfile Enterprise(string code, string town, string industry = "manufacturing") =>
        new(code, $"企业{code}", industry, town, null, null, EnterpriseSize.Small, CreditLevel.A);

    private static OfficialProfile Official(string id, OfficialTier tier, string? town, params string[] industries) =>
        new(id, $"干部{id}", tier, town ?? "dept", town, [.. industries]);

    private static PackagingBook Book(params PackagingAssignment[] assignments) => new(
        [
            Official("leader", OfficialTier.DistrictLeader, null, "manufacturing"),
            Official("dept-mfg", OfficialTier.Department, null, "manufacturing"),
            Official("dept-retail", OfficialTier.Department, null, "retail"),
            Official("town-a-1", OfficialTier.Town, "A"),
            Official("town-a-2", OfficialTier.Town, "A", "manufacturing"),
            Official("town-b-1", OfficialTier.Town, "B"),
        ],
        [Enterprise("e1", "A"), Enterprise("e2", "A"), Enterprise("e3", "B", "retail"), Enterprise("e4", "B")],
        assignments);

    [Fact]
    public void LoadOf_AfterAssignments_CountsDistinctEnterprises()
    {
        var book = Book(new("town-a-1", "e1"), new("town-a-1", "e2"), new("town-a-1", "e2"));

        Assert.Equal(2, book.LoadOf("town-a-1"));
        Assert.Equal(0, book.LoadOf("town-b-1"));
    }

    [Fact]
    public void Assign_UnknownOfficial_Throws()
    {
        Assert.Equal(ErrorCodes.OfficialUnknown, Assert.Throws<DomainException>(() => Book().Assign("nobody", "e1")).Code);
    }

    [Fact]
    public void Assign_UnknownEnterprise_Throws()
    {
        Assert.Equal(ErrorCodes.EnterpriseUnknown, Assert.Throws<DomainException>(() => Book().Assign("town-a-1", "e9")).Code);
    }

    [Fact]
    public void Suggest_Unpackaged_SameTownThenIndustryThenLoad()
    {
        var book = Book(new PackagingAssignment("town-a-2", "e2"));

        var suggestions = book.Suggest("e1", count: 10);

        Assert.Equal(["town-a-2", "town-a-1", "dept-mfg", "dept-retail", "town-b-1"], suggestions.Select(s => s.OfficialId));
        Assert.True(suggestions[0].SameTown && suggestions[0].IndustryMatch);
        Assert.Equal(1, suggestions[0].Load);
    }

    [Fact]
    public void Suggest_EqualTownAndIndustry_LowestLoadFirst()
    {
        var book = Book(new PackagingAssignment("town-b-1", "e4"));
        book.Assign("town-b-1", "e3");

        var suggestions = book.Suggest("e3", count: 2);

        Assert.Equal(["dept-retail", "dept-mfg"], suggestions.Select(s => s.OfficialId));
    }

    [Fact]
    public void Suggest_NeverProposesDistrictLeaders()
    {
        Assert.DoesNotContain("leader", Book().Suggest("e1", count: 100).Select(s => s.OfficialId));
    }

    [Fact]
    public void Coverage_ByTownAndDistrict_CountsEnterprisesWithAnOfficial()
    {
        var book = Book(new("town-a-1", "e1"), new("town-a-2", "e1"), new("dept-retail", "e3"));

        Assert.Equal(new PackagingCoverage("A", 2, 1), book.CoverageOf("A"));
        Assert.Equal([new PackagingCoverage("A", 2, 1), new PackagingCoverage("B", 2, 1)], book.CoverageByTown().ToArray());
        Assert.Equal(0.5m, book.DistrictCoverage().Rate);
        Assert.Equal(["e2", "e4"], book.Unpackaged().Select(e => e.CreditCode));
    }

    [Fact]
    public void Unassign_LastOfficial_MakesEnterpriseUnpackagedAgain()
    {
        var book = Book(new("town-a-1", "e1"), new("town-a-2", "e1"));

        book.Unassign("town-a-1", "e1");
        Assert.True(book.IsPackaged("e1"));
        book.Unassign("town-a-2", "e1");

        Assert.False(book.IsPackaged("e1"));
        Assert.Equal(0, book.CoverageOf("A").Packaged);
    }

    [Fact]
    public void Coverage_EmptyTown_RateIsOne()
    {
        Assert.Equal(1m, Book().CoverageOf("Z").Rate);
    }
}
