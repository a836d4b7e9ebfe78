using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Abstractions.Towns;
using Grains.Enterprises;
using Orleans;

namespace Grains.Tests.Infrastructure;

/// <summary>A small district every domain test starts from: two towns, one station, the ten categories' lead
/// departments, three enterprises and three officials. Each test has its own database, so keys can repeat.</summary>
public static class TestDistrict
{
    // Not hex-like: Orleans reads a string key of up to 16 hex digits as a number in its storage key.
    public const string Code = "dist-1";
    public const string Town1 = "t1";
    public const string Town2 = "t2";
    public const string Station1 = "t1-s1";
    public const string Leader = "o-leader";
    public const string TownOfficial = "o-town1";
    public const string DepartmentOfficial = "o-finance";

    public static readonly string Enterprise1 = UnifiedSocialCreditCode.Create("91", "330211", "MA000001");
    public static readonly string Enterprise2 = UnifiedSocialCreditCode.Create("91", "330211", "MA000002");
    public static readonly string Enterprise3 = UnifiedSocialCreditCode.Create("91", "330211", "MA000003");

    public static readonly GeoPoint Centre = new(29.95, 121.70);

    public static readonly AppealActor Dispatcher = new("dispatcher-1", ActorRole.Dispatcher, "centre", ActionChannel.Workbench);
    public static readonly AppealActor FinanceHandler = new("handler-1", ActorRole.DepartmentHandler, DepartmentCodes.Finance, ActionChannel.Workbench);
    public static readonly AppealActor Enterprise1Actor = new("ent-user-1", ActorRole.Enterprise, Enterprise1, ActionChannel.Online);
    public static readonly AppealActor LeaderActor = new(Leader, ActorRole.DistrictLeader, "district", ActionChannel.Workbench);
    public static readonly ImmutableArray<AttachmentInfo> Evidence = [new("receipt.pdf", "application/pdf", 1024, new string('a', 64))];

    public static readonly ImmutableArray<DepartmentProfile> Departments =
    [
        .. SlaSettings.Default.Categories.Select(c => c.LeadDepartmentCode).Distinct()
            .Select(code => new DepartmentProfile(code, $"{code}局", code)),
    ];

    public static TownProfile TownProfile(string code, double offset) =>
        new(code, $"{code}镇", Code, new GeoPoint(Centre.Latitude + offset, Centre.Longitude),
            [new(29.9 + offset, 121.6), new(29.9 + offset, 121.8), new(30.0 + offset, 121.8), new(29.9 + offset, 121.6)]);

    public static EnterpriseProfile EnterpriseProfile(string code, string town, string? station = null, string industry = "manufacturing") =>
        new(code, $"示范{code[^4..]}机械有限公司", industry, town, station, new GeoPoint(Centre.Latitude, Centre.Longitude), EnterpriseSize.Small, CreditLevel.A);

    public static AppealIntake Intake(string id, string? enterprise = null, string category = "finance", string town = Town1) =>
        new(id, enterprise ?? Enterprise1, town, AppealChannel.Hotline12345, category, AppealPriority.Normal, "续贷困难", "企业贷款续贷遇到困难，请求协调");

    /// <summary>An appeal submitted, routed (to the category's department unless one is named), taken over by the finance
    /// handler, replied to and rated 满意: ready to close.</summary>
    public static async Task<IAppealGrain> RatedAsync(IGrainFactory grains, AppealIntake intake, string? department = null)
    {
        var appeal = grains.GetGrain<IAppealGrain>(intake.Id);
        await appeal.Submit(intake, Dispatcher);
        await appeal.Route(Dispatcher, department);
        await appeal.TakeOver(FinanceHandler);
        await appeal.Reply(FinanceHandler, "已办理", Evidence);
        await appeal.Rate(Enterprise1Actor, SatisfactionRating.Satisfied, null);
        return appeal;
    }

    public static async Task SetUpAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IDistrictAdministrationGrain>(Code).Define(
            new DistrictProfile(Code, "测试区", Centre, IsDemo: false), [TownProfile(Town1, 0), TownProfile(Town2, 0.1)], Departments);
        await grains.GetGrain<ITownGrain>(Town1).SetStation(
            new StationProfile(Station1, "东村便民服务站", Town1, Centre, ["政策咨询", "融资对接"]));
        await grains.GetGrain<IEnterpriseGrain>(Enterprise1).Register(EnterpriseProfile(Enterprise1, Town1, Station1));
        await grains.GetGrain<IEnterpriseGrain>(Enterprise2).Register(EnterpriseProfile(Enterprise2, Town1));
        await grains.GetGrain<IEnterpriseGrain>(Enterprise3).Register(EnterpriseProfile(Enterprise3, Town2, industry: "software"));
        await grains.GetGrain<IOfficialGrain>(Leader).Register(new OfficialProfile(Leader, "王区长", OfficialTier.DistrictLeader, "district", null, []));
        await grains.GetGrain<IOfficialGrain>(TownOfficial).Register(
            new OfficialProfile(TownOfficial, "李干部", OfficialTier.Town, Town1, Town1, ["manufacturing"]));
        await grains.GetGrain<IOfficialGrain>(DepartmentOfficial).Register(
            new OfficialProfile(DepartmentOfficial, "张科长", OfficialTier.Department, DepartmentCodes.Finance, null, ["software"]));
    }
}
