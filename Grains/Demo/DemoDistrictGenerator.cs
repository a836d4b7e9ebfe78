using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Packaging;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Towns;
using Grains.Enterprises;
using Grains.Projects;

namespace Grains.Demo;

/// <summary>
/// A fictional demo district (示范区（演示数据）), generated deterministically from a seed. Towns and departments are
/// built at once (a few dozen records); everything else is streamed, and each entity has its own random stream so
/// that <see cref="EnterpriseAt"/> and <see cref="OfficialAt"/> regenerate any one of them without the others.
/// The same seed, sizes, "now" and district index always give the same records.
/// </summary>
public sealed partial class DemoDistrictGenerator
{
    private const double RadiusDegrees = 0.11;
    private const int DegreesPerSample = 3;

    private readonly int _seed;
    private readonly string _regionCode;
    private readonly double[] _sectorAngles;
    private readonly double[] _townWeights;
    private readonly (double P1, double P2, double P3) _phases;
    private readonly int _leaders;
    private readonly int _departmentOfficials;
    private readonly int _townOfficials;
    private readonly int _villageOfficials;

    /// <summary>Prepares a district; <paramref name="districtIndex"/> (0–99) places it in a province and keeps its keys apart.</summary>
    public DemoDistrictGenerator(int seed, DemoSizes sizes, DateTimeOffset now, int districtIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        sizes.Validate();
        if (districtIndex is < 0 or > 99)
        {
            throw new DomainException(ErrorCodes.DemoSizesInvalid, $"district index {districtIndex} (0–99)");
        }

        _seed = seed;
        Sizes = sizes;
        Now = now.ToOffset(TimeSpan.FromHours(8));
        DistrictIndex = districtIndex;
        // Province 33, "city" 99: a well-formed division code that no real place has.
        _regionCode = string.Create(CultureInfo.InvariantCulture, $"3399{districtIndex:D2}");
        var code = string.Create(CultureInfo.InvariantCulture, $"demo-{districtIndex:D2}");
        var name = districtIndex == 0 ? "示范区（演示数据）" : string.Create(CultureInfo.InvariantCulture, $"示范{districtIndex + 1}区（演示数据）");
        // The centre lies in the open sea east of the coast, so the map itself says the place is fictional.
        var centre = new GeoPoint(Round(29.0 + ((districtIndex / 10) * 0.3)), Round(123.5 + ((districtIndex % 10) * 0.3)));
        District = new DistrictProfile(code, name, centre, IsDemo: true);

        var rng = DemoRandom.For(seed, "district", districtIndex);
        _phases = (rng.Between(0, Math.Tau), rng.Between(0, Math.Tau), rng.Between(0, Math.Tau));
        var ring = sizes.Towns - 1;
        var step = Math.Tau / ring;
        var start = rng.Between(0, step);
        _sectorAngles = new double[ring];
        for (var k = 0; k < ring; k++)
        {
            _sectorAngles[k] = start + (k * step) + rng.Between(-0.2 * step, 0.2 * step);
        }

        _townWeights = new double[sizes.Towns];
        _townWeights[0] = 2.0;
        for (var t = 1; t < sizes.Towns; t++)
        {
            _townWeights[t] = rng.Between(0.5, 1.5);
        }

        Towns = BuildTowns(ref rng);
        Departments = [.. DemoVocabulary.Departments];

        _leaders = Math.Max(2, sizes.Officials / 180);
        _departmentOfficials = (int)(sizes.Officials * 0.35);
        _townOfficials = (int)(sizes.Officials * 0.40);
        _villageOfficials = sizes.Officials - _leaders - _departmentOfficials - _townOfficials;
    }

    /// <summary>The sizes generated.</summary>
    public DemoSizes Sizes { get; }

    /// <summary>The instant the data is generated for; the year of appeals ends here.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The district's position in a province (0 for a single district).</summary>
    public int DistrictIndex { get; }

    /// <summary>The district, labelled as demo data.</summary>
    public DistrictProfile District { get; }

    /// <summary>The towns: the first is the central sub-district, the others ring sectors around it.</summary>
    public IReadOnlyList<TownProfile> Towns { get; }

    /// <summary>The departments that handle appeals.</summary>
    public IReadOnlyList<DepartmentProfile> Departments { get; }

    /// <summary>The service stations, spread over the towns.</summary>
    public IEnumerable<StationProfile> Stations()
    {
        for (var s = 0; s < Sizes.Stations; s++)
        {
            yield return StationAt(s);
        }
    }

    /// <summary>One station by index.</summary>
    public StationProfile StationAt(int index)
    {
        var rng = DemoRandom.For(_seed, "station", Key(index));
        var town = index % Sizes.Towns;
        var village = PlaceName(ref rng) + (rng.Chance(0.5) ? "村" : "社区");
        var items = DemoVocabulary.ServiceItems.OrderBy(_ => rng.NextUInt64()).Take(rng.Next(6, 11)).ToImmutableArray();
        // The demo's stations serve 1.5 km around them (a typical village service circle, 便民服务圈).
        return new StationProfile(StationCode(index), $"{village}便民服务站", Towns[town].Code, PointIn(town, ref rng), items) { ServiceRadiusMeters = 1_500 };
    }

    /// <summary>The enterprises, each with a valid and unique credit code.</summary>
    public IEnumerable<EnterpriseProfile> Enterprises()
    {
        for (var i = 0; i < Sizes.Enterprises; i++)
        {
            yield return EnterpriseAt(i);
        }
    }

    /// <summary>One enterprise by index.</summary>
    public EnterpriseProfile EnterpriseAt(int index)
    {
        var rng = DemoRandom.For(_seed, "enterprise", Key(index));
        var town = rng.Weighted(_townWeights);
        var industry = DemoVocabulary.Industries[rng.Weighted(IndustryWeights)];
        var type = rng.Weighted([88, 9, 3]);
        var size = type == 0 ? DemoVocabulary.Sizes[rng.Weighted([1, 6, 30, 63])] : EnterpriseSize.Micro;
        var creditLevel = (CreditLevel)rng.Weighted([70, 25, 4, 1]);
        var trade = DemoVocabulary.TradeNames[rng.Next(DemoVocabulary.TradeNames.Length)]
            + DemoVocabulary.TradeNames[rng.Next(DemoVocabulary.TradeNames.Length)];
        var word = industry.Words[rng.Next(industry.Words.Length)];
        var name = type switch
        {
            0 => $"示范区{trade}{word}{(size == EnterpriseSize.Large ? "股份有限公司" : "有限公司")}",
            1 => $"示范区{trade}{word}经营部",
            _ => $"示范区{trade}{word}专业合作社",
        };
        var stationsInTown = CountCongruent(Sizes.Stations, Sizes.Towns, town);
        var station = stationsInTown == 0 ? null : StationCode(town + (Sizes.Towns * rng.Next(stationsInTown)));
        var code = UnifiedSocialCreditCode.Create(type switch { 0 => "91", 1 => "92", _ => "93" }, _regionCode, OrganizationBody(index, ref rng));
        return new EnterpriseProfile(code, name, industry.Code, Towns[town].Code, station, PointIn(town, ref rng), size, creditLevel);
    }

    /// <summary>The officials of the four tiers: district leaders, department, town and village/community.</summary>
    public IEnumerable<OfficialProfile> Officials()
    {
        for (var i = 0; i < Sizes.Officials; i++)
        {
            yield return OfficialAt(i);
        }
    }

    /// <summary>One official by index.</summary>
    public OfficialProfile OfficialAt(int index)
    {
        var rng = DemoRandom.For(_seed, "official", Key(index));
        var name = DemoVocabulary.Surnames[rng.Next(DemoVocabulary.Surnames.Length)]
            + DemoVocabulary.GivenNameChars[rng.Next(DemoVocabulary.GivenNameChars.Length)]
            + (rng.Chance(0.6) ? DemoVocabulary.GivenNameChars[rng.Next(DemoVocabulary.GivenNameChars.Length)] : string.Empty);
        var id = OfficialId(index);
        var j = index;
        if (j < _leaders)
        {
            return new OfficialProfile(id, name, OfficialTier.DistrictLeader, "district", null, []);
        }

        j -= _leaders;
        if (j < _departmentOfficials)
        {
            var department = Departments[j % Departments.Count].Code;
            return new OfficialProfile(id, name, OfficialTier.Department, department, null, [.. DemoVocabulary.IndustriesOf(department)]);
        }

        j -= _departmentOfficials;
        if (j < _townOfficials)
        {
            var town = Towns[j % Sizes.Towns].Code;
            ImmutableArray<string> industries = rng.Chance(0.3) ? [DemoVocabulary.Industries[rng.Weighted(IndustryWeights)].Code] : [];
            return new OfficialProfile(id, name, OfficialTier.Town, town, town, industries);
        }

        j -= _townOfficials;
        var station = j % Sizes.Stations;
        return new OfficialProfile(id, name, OfficialTier.VillageCommunity, StationCode(station), Towns[station % Sizes.Towns].Code, []);
    }

    /// <summary>
    /// Who packages whom: most enterprises get a town or village official of their own town; larger ones also a
    /// department official of their industry, the largest sometimes a district leader; about 3 % stay unpackaged so
    /// the wall has something to show.
    /// </summary>
    public IEnumerable<PackagingAssignment> Packaging()
    {
        for (var i = 0; i < Sizes.Enterprises; i++)
        {
            var enterprise = EnterpriseAt(i);
            var rng = DemoRandom.For(_seed, "packaging", Key(i));
            if (rng.Chance(0.03))
            {
                continue;
            }

            var town = TownIndex(enterprise.TownCode);
            yield return new PackagingAssignment(LocalOfficial(town, ref rng), enterprise.CreditCode);
            if (enterprise.Size is EnterpriseSize.Large or EnterpriseSize.Medium && DepartmentOfficialFor(enterprise.Industry, ref rng) is { } expert)
            {
                yield return new PackagingAssignment(expert, enterprise.CreditCode);
            }

            if (enterprise.Size == EnterpriseSize.Large && rng.Chance(0.5))
            {
                yield return new PackagingAssignment(OfficialId(rng.Next(_leaders)), enterprise.CreditCode);
            }
        }
    }

    /// <summary>The key projects, with stages, milestones and this year's investment.</summary>
    public IEnumerable<KeyProject> Projects()
    {
        for (var i = 0; i < Sizes.Projects; i++)
        {
            yield return ProjectAt(i);
        }
    }

    /// <summary>One key project by index.</summary>
    public KeyProject ProjectAt(int index)
    {
        var rng = DemoRandom.For(_seed, "project", Key(index));
        // The largest of three random enterprises: key projects belong to bigger firms.
        var owner = EnterpriseAt(rng.Next(Sizes.Enterprises));
        for (var c = 0; c < 2; c++)
        {
            var candidate = EnterpriseAt(rng.Next(Sizes.Enterprises));
            owner = candidate.Size < owner.Size ? candidate : owner;
        }

        var steward = OfficialId(_leaders + rng.Next(_departmentOfficials));
        var today = DateOnly.FromDateTime(Now.DateTime);
        var start = today.AddDays(-rng.Next(30, 900));
        var stage = (ProjectStage)rng.Weighted([8, 12, 15, 15, 30, 10, 10]);
        var total = Math.Round((decimal)Math.Exp(rng.Between(Math.Log(5_000), Math.Log(500_000))), 0);
        var planned = Math.Round(total * (decimal)rng.Between(0.1, 0.4), 1);
        var time = ProjectSchedule.TimeProgress(today, today.Year);
        var pace = stage >= ProjectStage.Started ? rng.Between(0.6, 1.6) : rng.Between(0, 0.3);
        var completed = Math.Min(total, Math.Round(planned * time * (decimal)pace, 1));
        var milestones = ImmutableArray.CreateBuilder<ProjectMilestone>();
        var planDay = start;
        for (var m = 0; m < DemoVocabulary.Milestones.Length; m++)
        {
            planDay = planDay.AddDays(rng.Next(20, 120));
            var reached = stage >= MilestoneStage(m);
            var actual = reached ? Clamp(planDay.AddDays(rng.Next(-20, 40)), start, today) : (DateOnly?)null;
            milestones.Add(new ProjectMilestone(DemoVocabulary.Milestones[m], planDay, actual));
        }

        var kind = DemoVocabulary.ProjectKinds[rng.Next(DemoVocabulary.ProjectKinds.Length)];
        var town = TownIndex(owner.TownCode);
        return new KeyProject(
            string.Create(CultureInfo.InvariantCulture, $"{District.Code}-p{index:D4}"),
            $"示范区{DemoVocabulary.TradeNames[rng.Next(DemoVocabulary.TradeNames.Length)]}{DemoVocabulary.TradeNames[rng.Next(DemoVocabulary.TradeNames.Length)]}{kind}项目",
            owner.CreditCode, steward, owner.TownCode, stage, start, total, today.Year, planned, completed)
        {
            Milestones = milestones.ToImmutable(),
            Location = PointIn(town, ref rng),
        };
    }

    internal string OfficialId(int index) => string.Create(CultureInfo.InvariantCulture, $"{District.Code}-o{index:D5}");

    internal string StationCode(int index) => string.Create(CultureInfo.InvariantCulture, $"{District.Code}-s{index:D3}");

    internal int TownIndex(string townCode) => int.Parse(townCode.AsSpan(townCode.Length - 2), CultureInfo.InvariantCulture);

    private static readonly double[] IndustryWeights = [.. DemoVocabulary.Industries.Select(i => i.Weight)];

    private long Key(int index) => ((long)DistrictIndex << 32) | (uint)index;

    private static int CountCongruent(int count, int modulus, int residue) => residue >= count ? 0 : ((count - 1 - residue) / modulus) + 1;

    private static ProjectStage MilestoneStage(int milestone) => milestone switch
    {
        0 => ProjectStage.Signed,
        1 => ProjectStage.Approval,
        2 or 3 => ProjectStage.Started,
        4 => ProjectStage.Building,
        5 => ProjectStage.Completed,
        _ => ProjectStage.InProduction,
    };

    private static DateOnly Clamp(DateOnly day, DateOnly min, DateOnly max) => day < min ? min : day > max ? max : day;

    private string LocalOfficial(int town, ref DemoRandom rng)
    {
        if (rng.Chance(0.4))
        {
            var stationsInTown = CountCongruent(Sizes.Stations, Sizes.Towns, town);
            var station = town + (Sizes.Towns * rng.Next(stationsInTown));
            var villageOfficials = CountCongruent(_villageOfficials, Sizes.Stations, station);
            if (villageOfficials > 0)
            {
                return OfficialId(_leaders + _departmentOfficials + _townOfficials + station + (Sizes.Stations * rng.Next(villageOfficials)));
            }
        }

        var townOfficials = CountCongruent(_townOfficials, Sizes.Towns, town);
        return townOfficials == 0
            ? OfficialId(_leaders + rng.Next(_departmentOfficials))
            : OfficialId(_leaders + _departmentOfficials + town + (Sizes.Towns * rng.Next(townOfficials)));
    }

    private string? DepartmentOfficialFor(string industry, ref DemoRandom rng)
    {
        var candidates = new List<int>();
        for (var d = 0; d < Departments.Count; d++)
        {
            if (DemoVocabulary.IndustriesOf(Departments[d].Code).Contains(industry) && CountCongruent(_departmentOfficials, Departments.Count, d) > 0)
            {
                candidates.Add(d);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var department = candidates[rng.Next(candidates.Count)];
        return OfficialId(_leaders + department + (Departments.Count * rng.Next(CountCongruent(_departmentOfficials, Departments.Count, department))));
    }

    private static string PlaceName(ref DemoRandom rng) =>
        DemoVocabulary.PlaceFirst[rng.Next(DemoVocabulary.PlaceFirst.Length)] + DemoVocabulary.PlaceSecond[rng.Next(DemoVocabulary.PlaceSecond.Length)];

    // Two random characters, then the index scrambled by a bijection on 31^6, so codes look random yet never collide.
    private static string OrganizationBody(int index, ref DemoRandom rng)
    {
        const long space = 887_503_681; // 31^6
        var scrambled = ((index * 360_287_971L) + 12_345) % space;
        Span<char> body = stackalloc char[8];
        body[0] = UnifiedSocialCreditCode.Alphabet[rng.Next(31)];
        body[1] = UnifiedSocialCreditCode.Alphabet[rng.Next(31)];
        for (var i = 7; i >= 2; i--)
        {
            body[i] = UnifiedSocialCreditCode.Alphabet[(int)(scrambled % 31)];
            scrambled /= 31;
        }

        return new string(body);
    }

    private static double Round(double value) => Math.Round(value, 6);
}
