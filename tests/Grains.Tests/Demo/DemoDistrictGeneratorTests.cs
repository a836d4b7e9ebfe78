using System.Security.Cryptography;
using System.Text.Json;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Demo;
using Grains.Enterprises;
using Grains.Packaging;
using Grains.Projects;
using Grains.Sla;
using Grains.Tests.Integrity;
using Xunit.Abstractions;

namespace Grains.Tests.Demo;

public sealed class DemoDistrictGeneratorTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DemoSizes Small = new(9, 40, 1_500, 400, 30, 600);

    private static string Fingerprint(DemoDistrictGenerator generator)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add<T>(IEnumerable<T> items)
        {
            foreach (var item in items)
            {
                hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(item));
            }
        }

        Add([generator.District]);
        Add(generator.Towns);
        Add(generator.Departments);
        Add(generator.Stations());
        Add(generator.Enterprises());
        Add(generator.Officials());
        Add(generator.Packaging());
        Add(generator.Projects());
        Add(generator.Appeals());
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [Fact]
    public void Generate_DistrictPresetSameSeedTwice_IdenticalOutput()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var first = Fingerprint(new DemoDistrictGenerator(2025, DemoSizes.District, Now));
        output.WriteLine($"district preset generated and serialised in {watch.ElapsedMilliseconds} ms");

        var second = Fingerprint(new DemoDistrictGenerator(2025, DemoSizes.District, Now));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_DifferentOutput()
    {
        Assert.NotEqual(Fingerprint(new DemoDistrictGenerator(1, Small, Now)), Fingerprint(new DemoDistrictGenerator(2, Small, Now)));
    }

    [Fact]
    public void District_IsLabelledDemo()
    {
        var generator = new DemoDistrictGenerator(7, Small, Now);

        Assert.True(generator.District.IsDemo);
        Assert.Contains("演示数据", generator.District.Name, StringComparison.Ordinal);
        Assert.All(generator.Enterprises(), e => Assert.StartsWith("示范区", e.Name, StringComparison.Ordinal));
        Assert.All(generator.Projects(), p => Assert.StartsWith("示范区", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Enterprises_DistrictPreset_AllCodesValidAndUnique()
    {
        var generator = new DemoDistrictGenerator(2025, DemoSizes.District, Now);
        var codes = new HashSet<string>(StringComparer.Ordinal);

        foreach (var enterprise in generator.Enterprises())
        {
            Assert.True(UnifiedSocialCreditCode.IsValid(enterprise.CreditCode), enterprise.CreditCode);
            Assert.True(codes.Add(enterprise.CreditCode), $"duplicate {enterprise.CreditCode}");
        }

        Assert.Equal(13_000, codes.Count);
    }

    [Fact]
    public void EnterpriseAt_Index_EqualsStreamedEnterprise()
    {
        var generator = new DemoDistrictGenerator(3, Small, Now);

        Assert.Equal(generator.Enterprises().ElementAt(777), generator.EnterpriseAt(777));
    }

    [Fact]
    public void Towns_ClosedUniqueRingsAndEveryPlaceInsideItsTown()
    {
        var generator = new DemoDistrictGenerator(11, Small, Now);
        var towns = generator.Towns.ToDictionary(t => t.Code);

        Assert.Equal(9, towns.Count);
        Assert.Equal(9, generator.Towns.Select(t => t.Name).Distinct().Count());
        Assert.All(generator.Towns, t => Assert.Equal(t.Boundary[0], t.Boundary[^1]));
        Assert.All(generator.Towns, t => Assert.True(SignedArea(t.Boundary) > 0, $"{t.Name} is not counter-clockwise"));
        Assert.All(generator.Enterprises(), e => Assert.True(Inside(e.Location!, towns[e.TownCode].Boundary), e.CreditCode));
        Assert.All(generator.Stations(), s => Assert.True(Inside(s.Location, towns[s.TownCode].Boundary), s.Code));
    }

    [Fact]
    public void Grids_EveryTownTiled_EveryEnterpriseInExactlyOneCellOfItsTown()
    {
        var generator = new DemoDistrictGenerator(13, Small, Now);
        var towns = generator.Towns.ToDictionary(t => t.Code);

        Assert.All(generator.Towns, t => Assert.NotEmpty(t.Grids));
        Assert.Equal(generator.Towns.Sum(t => t.Grids.Length), generator.Towns.SelectMany(t => t.Grids).Select(g => g.Code).Distinct().Count());
        Assert.All(generator.Towns.SelectMany(t => t.Grids), g => Assert.Equal(g.Boundary[0], g.Boundary[^1]));
        Assert.All(generator.Enterprises(), e => Assert.Single(towns[e.TownCode].Grids, g => g.Boundary.Encloses(e.Location!)));
        // Every cell of a town has someone in it: the cells split the town, they are not slivers at its edge.
        Assert.All(generator.Towns, t => Assert.All(t.Grids, g => Assert.Contains(generator.Enterprises(), e => e.TownCode == t.Code && t.GridAt(e.Location!) == g)));
    }

    [Fact]
    public void Towns_NoPlaceIsInsideTwoTowns()
    {
        var generator = new DemoDistrictGenerator(12, Small, Now);

        Assert.All(generator.Enterprises().Take(300),
            e => Assert.Single(generator.Towns, t => Inside(e.Location!, t.Boundary)));
    }

    [Fact]
    public void Officials_DistrictPreset_FourTiersInProportion()
    {
        var tiers = new DemoDistrictGenerator(5, DemoSizes.District, Now).Officials().GroupBy(o => o.Tier).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3_600, tiers.Values.Sum());
        Assert.Equal(20, tiers[OfficialTier.DistrictLeader]);
        Assert.Equal(1_260, tiers[OfficialTier.Department]);
        Assert.Equal(1_440, tiers[OfficialTier.Town]);
        Assert.Equal(880, tiers[OfficialTier.VillageCommunity]);
    }

    [Fact]
    public void Packaging_AllOfficialsExistAndCoverageNearlyFull()
    {
        var generator = new DemoDistrictGenerator(9, Small, Now);
        var officials = generator.Officials().ToList();
        var enterprises = generator.Enterprises().ToList();

        var book = new PackagingBook(officials, enterprises, generator.Packaging());

        var coverage = book.DistrictCoverage();
        Assert.Equal(1_500, coverage.Enterprises);
        Assert.InRange(coverage.Rate, 0.94m, 0.995m);
        Assert.All(generator.Packaging(), a =>
        {
            var official = officials.Single(o => o.Id == a.OfficialId);
            var enterprise = enterprises.Single(e => e.CreditCode == a.EnterpriseCreditCode);
            Assert.True(official.TownCode is null || official.TownCode == enterprise.TownCode, $"{official.Id} packages outside its town");
        });
    }

    [Fact]
    public void Projects_AllPassProjectRules()
    {
        var rules = new KeyProjectRules(new ManualClock(Now), TimeSpan.FromHours(8));
        var today = DateOnly.FromDateTime(Now.DateTime);

        foreach (var project in new DemoDistrictGenerator(4, DemoSizes.District, Now).Projects())
        {
            rules.Create(project);
            Assert.All(project.Milestones.Where(m => m.Actual is not null), m => Assert.InRange(m.Actual.GetValueOrDefault(), project.StartDate, today));
        }
    }

    [Fact]
    public void Appeals_DistrictPreset_HistoriesVerifyAndMixesAreRealistic()
    {
        var generator = new DemoDistrictGenerator(2025, DemoSizes.District, Now);
        var keys = TestKeys.Ring();
        var lifecycle = new AppealLifecycle(AppealSettings.Default,
            new SlaPolicy(SlaSettings.Default, new WorkingCalendar(WorkingCalendarSettings.China)), new ManualClock(Now), keys);
        var appeals = generator.Appeals(keys).ToList();

        Assert.Equal(1_400, appeals.Count);
        Assert.All(appeals, a => Assert.Equal(ChainVerification.Intact, AppealHashChain.Verify(keys, a.History, a.State)));
        Assert.All(appeals, a => Assert.InRange(a.History[^1].At, Now.AddYears(-1).AddDays(-1), Now));
        Assert.Equal(5, appeals.Select(a => a.State.Channel).Distinct().Count());
        Assert.Equal(10, appeals.Select(a => a.State.Category).Distinct().Count());
        var lights = appeals.Select(a => lifecycle.LightOf(a.State, Now)).ToList();
        var openWorked = appeals.Where(a => a.State.Status is AppealStatus.Accepted or AppealStatus.Routed or AppealStatus.InProgress).ToList();
        output.WriteLine($"closed {appeals.Count(a => a.State.Status == AppealStatus.Closed)}, worked now {openWorked.Count}, " +
            $"yellow {openWorked.Count(a => lifecycle.LightOf(a.State, Now) == SlaLight.Yellow)}, red {openWorked.Count(a => lifecycle.LightOf(a.State, Now) == SlaLight.Red)}");
        Assert.Contains(openWorked, a => lifecycle.LightOf(a.State, Now) == SlaLight.Yellow);
        Assert.Contains(openWorked, a => lifecycle.LightOf(a.State, Now) == SlaLight.Red);
        Assert.Contains(openWorked, a => a.State.Level > EscalationLevel.Department);
        Assert.InRange(appeals.Count(a => a.State.Status == AppealStatus.Closed), 1_100, 1_380);
        Assert.Contains(appeals, a => a.State.TaskForce is not null);
        Assert.Contains(appeals, a => a.State.ReworkRound > 0);
        Assert.Contains(appeals, a => FakeClosureDetector.Inspect(a.History, AppealSettings.Default.RatingWindow).Length > 0);
    }

    [Fact]
    public void Province_TwoDistricts_KeysDoNotCollide()
    {
        var districts = DemoProvince.Districts(1, Now, count: 2, sizes: Small).ToList();

        Assert.Equal(2, districts.Select(d => d.District.Code).Distinct().Count());
        var codes = districts.SelectMany(d => d.Enterprises()).Select(e => e.CreditCode).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Empty(districts[0].Towns.Select(t => t.Code).Intersect(districts[1].Towns.Select(t => t.Code)));
    }

    [Fact]
    public void Constructor_TooFewTowns_Throws()
    {
        var error = Assert.Throws<DomainException>(() => new DemoDistrictGenerator(1, Small with { Towns = 1 }, Now));

        Assert.Equal(ErrorCodes.DemoSizesInvalid, error.Code);
    }

    private static double SignedArea(IReadOnlyList<GeoPoint> ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Count - 1; i++)
        {
            sum += (ring[i].Longitude * ring[i + 1].Latitude) - (ring[i + 1].Longitude * ring[i].Latitude);
        }

        return sum / 2;
    }

    private static bool Inside(GeoPoint p, IReadOnlyList<GeoPoint> ring)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi, xj, yj) = (ring[i].Longitude, ring[i].Latitude, ring[j].Longitude, ring[j].Latitude);
            if ((yi > p.Latitude) != (yj > p.Latitude) && p.Longitude < ((xj - xi) * (p.Latitude - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
