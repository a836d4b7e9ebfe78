using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Packaging;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Grains.Abstractions.Towns;
using Storage.ReadModels;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>Enterprises, officials and packaging, key projects and towns on a real silo.</summary>
public abstract class EntityGrainTests : DomainTestBase
{
    private static readonly string NewCode = global::Grains.Enterprises.UnifiedSocialCreditCode.Create("91", "330211", "MA000009");

    private IDistrictGrain District => Grains.GetGrain<IDistrictGrain>(TestDistrict.Code);

    private IEnterpriseGrain Enterprise(string code) => Grains.GetGrain<IEnterpriseGrain>(code);

    private IOfficialGrain Official(string id) => Grains.GetGrain<IOfficialGrain>(id);

    [Fact]
    public async Task Register_WrongCheckCharacter_ThrowsAndStoresNothing()
    {
        var bad = NewCode[..17] + (NewCode[17] == '0' ? '1' : '0');

        var error = await Assert.ThrowsAsync<DomainException>(() => Enterprise(bad).Register(TestDistrict.EnterpriseProfile(bad, TestDistrict.Town1)));

        Assert.Equal(ErrorCodes.CreditCodeCheckCharacter, error.Code);
        Assert.Null(await Enterprise(bad).GetProfile());
        Assert.Equal(3, (await District.GetFigures()).Enterprises);
    }

    [Fact]
    public async Task Register_UnknownTownOrStation_Throws()
    {
        var town = await Assert.ThrowsAsync<DomainException>(() => Enterprise(NewCode).Register(TestDistrict.EnterpriseProfile(NewCode, "nowhere")));
        var station = await Assert.ThrowsAsync<DomainException>(
            () => Enterprise(NewCode).Register(TestDistrict.EnterpriseProfile(NewCode, TestDistrict.Town2, TestDistrict.Station1)));

        Assert.Equal(ErrorCodes.TownUnknown, town.Code);
        Assert.Equal(ErrorCodes.StationUnknown, station.Code);
        Assert.Null(await Enterprise(NewCode).GetProfile());
    }

    [Fact]
    public async Task Register_MovedToAnotherTown_MovesItsCountBetweenTowns()
    {
        await Enterprise(NewCode).Register(TestDistrict.EnterpriseProfile(NewCode, TestDistrict.Town1));

        await Enterprise(NewCode).Register(TestDistrict.EnterpriseProfile(NewCode, TestDistrict.Town2));

        Assert.Equal(4, (await District.GetFigures()).Enterprises);
        Assert.Equal(2, (await Grains.GetGrain<ITownGrain>(TestDistrict.Town1).GetCoverage()).Enterprises);
        Assert.Equal(2, (await Grains.GetGrain<ITownGrain>(TestDistrict.Town2).GetCoverage()).Enterprises);
        var rows = await Silo.Get<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { TownCode = TestDistrict.Town2 });
        Assert.Contains(rows.Items, e => e.CreditCode == NewCode);
    }

    [Fact]
    public async Task Assign_BothSidesRecordIt_AndCoverageCounts()
    {
        await Official(TestDistrict.TownOfficial).Assign(TestDistrict.Enterprise1);
        await Official(TestDistrict.TownOfficial).Assign(TestDistrict.Enterprise1);

        Assert.Equal<string>([TestDistrict.Enterprise1], await Official(TestDistrict.TownOfficial).GetEnterprises());
        Assert.Equal<string>([TestDistrict.TownOfficial], await Enterprise(TestDistrict.Enterprise1).GetOfficials());
        var figures = await District.GetFigures();
        Assert.Equal((3, 1), (figures.Enterprises, figures.PackagedEnterprises));
        Assert.Equal(new PackagingCoverage(TestDistrict.Town1, 2, 1), await Grains.GetGrain<ITownGrain>(TestDistrict.Town1).GetCoverage());
        var unpackaged = await Silo.Get<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { DistrictCode = TestDistrict.Code, UnpackagedOnly = true });
        Assert.Equal(2, unpackaged.Total);
        Assert.DoesNotContain(unpackaged.Items, e => e.CreditCode == TestDistrict.Enterprise1);
    }

    [Fact]
    public async Task Assign_UnknownEnterprise_ChangesNeitherSide()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Official(TestDistrict.TownOfficial).Assign(NewCode));

        Assert.Equal(ErrorCodes.EnterpriseUnknown, error.Code);
        Assert.Empty(await Official(TestDistrict.TownOfficial).GetEnterprises());
        Assert.Equal(0, (await District.GetFigures()).PackagedEnterprises);
    }

    [Fact]
    public async Task Unassign_BothSidesForgetIt_AndCoverageDrops()
    {
        await Official(TestDistrict.TownOfficial).Assign(TestDistrict.Enterprise2);

        await Official(TestDistrict.TownOfficial).Unassign(TestDistrict.Enterprise2);

        Assert.Empty(await Official(TestDistrict.TownOfficial).GetEnterprises());
        Assert.Empty(await Enterprise(TestDistrict.Enterprise2).GetOfficials());
        Assert.Equal(0, (await District.GetFigures()).PackagedEnterprises);
    }

    [Fact]
    public async Task Suggest_UnpackagedEnterprise_SameTownAndIndustryFirstAndNoLeaders()
    {
        var suggestions = await Silo.Get<OfficialQueries>().SuggestAsync(TestDistrict.Enterprise2);

        Assert.Equal(TestDistrict.TownOfficial, suggestions[0].OfficialId);
        Assert.True(suggestions[0].SameTown && suggestions[0].IndustryMatch);
        Assert.DoesNotContain(suggestions, s => s.OfficialId == TestDistrict.Leader);
    }

    [Fact]
    public async Task RecordVisit_ProblemsFound_BecomeOfficialVisitAppeals()
    {
        ImmutableArray<ProblemReport> problems = [new("talent", AppealPriority.Normal, "招工难", "急需技术工人二十名")];

        var visit = await Official(TestDistrict.TownOfficial).RecordVisit(
            new VisitReport(TestDistrict.Enterprise1, new DateOnly(2025, 11, 17), "了解用工情况", problems));

        var appealId = Assert.Single(visit.AppealIds);
        var appeal = await Grains.GetGrain<IAppealGrain>(appealId).Get();
        Assert.Equal((AppealChannel.OfficialVisit, "talent", TestDistrict.Town1), (appeal?.Channel, appeal?.Category, appeal?.TownCode));
        Assert.Single(await Official(TestDistrict.TownOfficial).GetVisits());
    }

    [Fact]
    public async Task RecordVisit_OneBadProblemOrFutureDate_RaisesNothing()
    {
        ImmutableArray<ProblemReport> problems =
        [
            new("talent", AppealPriority.Normal, "招工难", "急需技术工人"),
            new("no-such-category", AppealPriority.Normal, "其他", "其他问题"),
        ];

        var category = await Assert.ThrowsAsync<DomainException>(() => Official(TestDistrict.TownOfficial).RecordVisit(
            new VisitReport(TestDistrict.Enterprise1, new DateOnly(2025, 11, 17), "走访", problems)));
        var future = await Assert.ThrowsAsync<DomainException>(() => Official(TestDistrict.TownOfficial).RecordVisit(
            new VisitReport(TestDistrict.Enterprise1, new DateOnly(2025, 11, 18), "走访", [])));

        Assert.Equal(ErrorCodes.CategoryUnknown, category.Code);
        Assert.Equal(ErrorCodes.VisitInFuture, future.Code);
        Assert.Empty(await Official(TestDistrict.TownOfficial).GetVisits());
        Assert.Equal(0, (await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery())).Total);
    }

    [Fact]
    public async Task Register_TownOfficialInUnknownTown_Throws()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Official("o-x").Register(
            new OfficialProfile("o-x", "赵干部", OfficialTier.Town, "nowhere", "nowhere", [])));

        Assert.Equal(ErrorCodes.TownUnknown, error.Code);
        Assert.Null(await Official("o-x").GetProfile());
    }

    private static KeyProject Project(string id = "p-1") => new(
        id, "示范智能装备产业园项目", TestDistrict.Enterprise1, TestDistrict.DepartmentOfficial, TestDistrict.Town1, ProjectStage.Approval,
        new DateOnly(2025, 1, 10), TotalInvestment: 50_000m, Year: 2025, PlannedAnnualInvestment: 10_000m, CompletedAnnualInvestment: 5_000m)
    {
        Location = new GeoPoint(29.96, 121.71),
        Milestones = [new ProjectMilestone("开工", new DateOnly(2025, 12, 1), null)],
    };

    [Fact]
    public async Task KeyProject_BehindTimeSchedule_CountsBehindAndCatchesUpWithInvestment()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(Project());

        // 17 Nov is day 321 of 365: 时序进度 ≈ 87.9 %, so 50 % completed is behind.
        var behind = await District.GetFigures();
        var marker = Assert.Single(await District.GetProjectMarkers(TestDistrict.Town1));
        await project.RecordInvestment(9_000m);
        var progress = await project.GetProgress();
        var caughtUp = await District.GetFigures();

        Assert.Equal((1, 1, 10_000m, 5_000m), (behind.Projects, behind.ProjectsBehindSchedule, behind.PlannedInvestment, behind.CompletedInvestment));
        Assert.Equal(321d / 365, behind.ScheduleProgress, 6);
        Assert.True(marker.BehindSchedule);
        Assert.Equal(0.5, marker.CompletionRate, 6);
        Assert.True(progress.OnSchedule);
        Assert.Equal((0, 9_000m), (caughtUp.ProjectsBehindSchedule, caughtUp.CompletedInvestment));
        Assert.Equal(1, (await Grains.GetGrain<ITownGrain>(TestDistrict.Town1).GetFigures()).Projects);
    }

    [Fact]
    public async Task KeyProject_IllegalStageMoveOrInvestmentAboveTotal_ThrowsAndKeepsProject()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(Project());

        var skip = await Assert.ThrowsAsync<DomainException>(() => project.MoveStage(ProjectStage.Completed, null));
        var back = await Assert.ThrowsAsync<DomainException>(() => project.MoveStage(ProjectStage.Signed, null));
        var above = await Assert.ThrowsAsync<DomainException>(() => project.RecordInvestment(60_000m));
        var moved = await project.MoveStage(ProjectStage.Started, null);
        var listed = await Silo.Get<ProjectQueries>().ListAsync(new ProjectListQuery { StewardOfficialId = TestDistrict.DepartmentOfficial, Stage = ProjectStage.Started });

        Assert.Equal(ErrorCodes.ProjectStageMoveNotAllowed, skip.Code);
        Assert.Equal(ErrorCodes.ProjectStageReasonRequired, back.Code);
        Assert.Equal(ErrorCodes.ProjectInvestmentAboveTotal, above.Code);
        Assert.Equal((ProjectStage.Started, 5_000m), (moved.Stage, moved.CompletedAnnualInvestment));
        Assert.Equal("p-1", Assert.Single(listed.Items).Id);
    }

    [Fact]
    public async Task KeyProject_TwoInvestmentsAtOnceFromTheSameVersion_OneSavedTheOtherRefusedInItsTurn()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        var registered = await project.Register(Project());

        // Both are in flight before either finishes: a check outside the grain's turn would let both through.
        var outcomes = await RefusalsAsync(
            project.RecordInvestment(6_000m, registered.Version), project.RecordInvestment(7_000m, registered.Version));

        var after = (await project.GetProject())!;
        var refusal = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal(ErrorCodes.ProjectChanged, refusal.Code);
        Assert.Equal(registered.Version + 1, after.Version);
        Assert.Equal(outcomes[0] is null ? 6_000m : 7_000m, after.CompletedAnnualInvestment);
    }

    [Fact]
    public async Task KeyProject_MoveStageFromAnOlderVersion_ThrowsAndKeepsTheOtherChange()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        var registered = await project.Register(Project());
        await project.RecordInvestment(6_000m, registered.Version);

        var error = await Assert.ThrowsAsync<DomainException>(() => project.MoveStage(ProjectStage.Started, null, registered.Version));

        var after = (await project.GetProject())!;
        Assert.Equal(ErrorCodes.ProjectChanged, error.Code);
        Assert.Contains("已被他人修改", error.MessageIn("zh-CN"), StringComparison.Ordinal);
        Assert.Equal((ProjectStage.Approval, 6_000m, registered.Version + 1), (after.Stage, after.CompletedAnnualInvestment, after.Version));
    }

    [Fact]
    public async Task KeyProject_MilestoneInFuture_ThrowsThenCompletesToday()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(Project());

        var future = await Assert.ThrowsAsync<DomainException>(() => project.CompleteMilestone("开工", new DateOnly(2025, 11, 20)));
        var done = await project.CompleteMilestone("开工", new DateOnly(2025, 11, 17));

        Assert.Equal(ErrorCodes.ProjectMilestoneInFuture, future.Code);
        Assert.Equal(new DateOnly(2025, 11, 17), Assert.Single(done.Milestones).Actual);
    }

    [Fact]
    public async Task KeyProject_RaiseProblem_BecomesAnAppealLinkedToTheProject()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(Project());

        var receipt = await project.RaiseProblem(new ProblemReport("project", AppealPriority.Urgent, "用地指标", "用地指标尚未落实"),
            new AppealActor(TestDistrict.DepartmentOfficial, ActorRole.PackageOfficial, "finance", ActionChannel.Mobile));

        Assert.Equal("p-1", receipt.Appeal.ProjectId);
        Assert.Equal<string>([receipt.Appeal.Id], await project.GetAppeals());
        var listed = await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery { ProjectId = "p-1" });
        Assert.Equal(receipt.Appeal.Id, Assert.Single(listed.Items).Id);
    }

    [Fact]
    public async Task KeyProject_RaiseProblemDoubleTapped_OneAppealAndTheRepeatRefused()
    {
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(Project());
        var problem = new ProblemReport("project", AppealPriority.Urgent, "用地指标", "用地指标尚未落实");
        var steward = new AppealActor(TestDistrict.DepartmentOfficial, ActorRole.PackageOfficial, "finance", ActionChannel.Mobile);

        var outcomes = await RefusalsAsync(project.RaiseProblem(problem, steward, 0), project.RaiseProblem(problem, steward, 0));

        Assert.Equal(ErrorCodes.ProjectProblemsChanged, Assert.Single(outcomes, o => o is not null)!.Code);
        var raised = Assert.Single(await project.GetAppeals());
        Assert.Equal(raised, Assert.Single((await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery { ProjectId = "p-1" })).Items).Id);
    }

    [Fact]
    public async Task KeyProject_RaiseProblemOnSiteInAnotherTown_AppealIsInTheProjectsTown()
    {
        // The owner is registered in town 1; its project is built in town 2.
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(Project() with { TownCode = TestDistrict.Town2 });

        var receipt = await project.RaiseProblem(new ProblemReport("project", AppealPriority.Urgent, "用地指标", "用地指标尚未落实"),
            new AppealActor(TestDistrict.DepartmentOfficial, ActorRole.PackageOfficial, "finance", ActionChannel.Mobile));

        Assert.Equal((TestDistrict.Town2, "p-1"), (receipt.Appeal.TownCode, receipt.Appeal.ProjectId));
        Assert.Equal(1, (await Grains.GetGrain<ITownGrain>(TestDistrict.Town2).GetFigures()).OpenAppeals);
    }

    [Fact]
    public async Task KeyProject_UnknownSteward_Throws()
    {
        var error = await Assert.ThrowsAsync<DomainException>(
            () => Grains.GetGrain<IKeyProjectGrain>("p-1").Register(Project() with { StewardOfficialId = "nobody" }));

        Assert.Equal(ErrorCodes.OfficialUnknown, error.Code);
        Assert.Empty(await District.GetProjectMarkers(null));
    }

    [Fact]
    public async Task Town_Network_StationsServiceItemsAndStationCoverage()
    {
        var town = Grains.GetGrain<ITownGrain>(TestDistrict.Town1);
        await town.SetStation(new StationProfile("t1-s2", "西村便民服务站", TestDistrict.Town1, TestDistrict.Centre, ["融资对接", "法律咨询"]));

        var wrongTown = await Assert.ThrowsAsync<DomainException>(
            () => town.SetStation(new StationProfile("t2-s1", "南村便民服务站", TestDistrict.Town2, TestDistrict.Centre, [])));
        var coverage = await Silo.Get<EnterpriseQueries>().CoverageByStationAsync(TestDistrict.Town1);

        Assert.Equal(ErrorCodes.KeyMismatch, wrongTown.Code);
        Assert.Equal(2, (await town.GetStations()).Length);
        Assert.Equal<string>((await town.GetServiceItems()).Order(StringComparer.Ordinal), await town.GetServiceItems());
        Assert.Equal(3, (await town.GetServiceItems()).Length);
        Assert.Contains(new StationCoverage(TestDistrict.Station1, 1, 0), coverage);
        Assert.Equal(2, (await District.GetTowns()).Count);
    }

    [Fact]
    public async Task Town_StationServiceRadius_KeptWhenInRangeRefusedOtherwise()
    {
        var town = Grains.GetGrain<ITownGrain>(TestDistrict.Town1);
        await town.SetStation(new StationProfile("t1-s3", "北村便民服务站", TestDistrict.Town1, TestDistrict.Centre, []) { ServiceRadiusMeters = 1_500 });

        var tooFar = await Assert.ThrowsAsync<DomainException>(() => town.SetStation(
            new StationProfile("t1-s4", "南村便民服务站", TestDistrict.Town1, TestDistrict.Centre, []) { ServiceRadiusMeters = StationProfile.MaxServiceRadiusMeters + 1 }));

        Assert.Equal(ErrorCodes.ValueOutOfRange, tooFar.Code);
        Assert.Equal(1_500, (await town.GetStations()).Single(s => s.Code == "t1-s3").ServiceRadiusMeters);
        Assert.DoesNotContain(await town.GetStations(), s => s.Code == "t1-s4");
    }
}

public sealed class EntityGrainSqliteTests : EntityGrainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class EntityGrainPostgresTests : EntityGrainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
