using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Integrity;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Storage.ReadModels;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

public abstract class AppealGrainTests : DomainTestBase
{
    private IAppealGrain Appeal(string id = "a-1") => Grains.GetGrain<IAppealGrain>(id);

    private IDistrictGrain District => Grains.GetGrain<IDistrictGrain>(TestDistrict.Code);

    private AppealQueries Queries => Silo.Get<AppealQueries>();

    private async Task<IAppealGrain> InProgressAsync(string id = "a-1")
    {
        var appeal = Appeal(id);
        await appeal.Submit(TestDistrict.Intake(id), TestDistrict.Dispatcher);
        await appeal.Route(TestDistrict.Dispatcher, null);
        await appeal.TakeOver(TestDistrict.FinanceHandler);
        return appeal;
    }

    private async Task<AppealListItem> RowAsync(string id = "a-1") =>
        Assert.Single((await Queries.ListAsync(new AppealListQuery { DistrictCode = TestDistrict.Code })).Items, i => i.Id == id);

    [Fact]
    public async Task Lifecycle_IntakeToCloseWithRework_HistoryVerifiesAndFiguresFollow()
    {
        var appeal = Appeal();

        var receipt = await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);
        var routed = await appeal.Route(TestDistrict.Dispatcher, null);
        Clock.Advance(TimeSpan.FromHours(1));
        await appeal.TakeOver(TestDistrict.FinanceHandler);
        Clock.Advance(TimeSpan.FromHours(3));
        await appeal.Reply(TestDistrict.FinanceHandler, "已协调银行续贷", TestDistrict.Evidence);
        await appeal.Rate(TestDistrict.Enterprise1Actor, SatisfactionRating.Dissatisfied, "未解决");
        var reopened = await appeal.VerifyDissatisfaction(TestDistrict.Dispatcher, "核实属实，重新办理", upheld: true);
        Clock.Advance(TimeSpan.FromHours(3));
        await appeal.Reply(TestDistrict.FinanceHandler, "续贷已办结", TestDistrict.Evidence);
        await appeal.Revisit(TestDistrict.Dispatcher, SatisfactionRating.Satisfied, "企业表示满意");
        var closed = await appeal.Close(TestDistrict.Dispatcher, "办结");

        Assert.Equal(AppealStatus.Accepted, receipt.Appeal.Status);
        Assert.Equal(DepartmentCodes.Finance, routed.DepartmentCode);
        Assert.Equal(AppealStatus.InProgress, reopened.Status);
        Assert.Equal(AppealStatus.Closed, closed.Status);
        Assert.Equal(
            [AppealEventKind.Accepted, AppealEventKind.Routed, AppealEventKind.TakenOver, AppealEventKind.Replied, AppealEventKind.Rated,
                AppealEventKind.DissatisfactionVerified, AppealEventKind.Replied, AppealEventKind.Revisited, AppealEventKind.Closed],
            (await appeal.GetHistory()).Select(e => e.Kind));
        Assert.Equal(new ChainVerification(true, null), await appeal.VerifyHistory());
        Assert.Empty(await appeal.GetFakeClosureFindings());
        var figures = await District.GetFigures();
        Assert.Equal((1, 1, 1, 1, 1, 0), (figures.AppealsReceived, figures.AppealsClosed, figures.AppealsClosedOnTime, figures.AppealsRated, figures.AppealsSatisfied, figures.OpenAppeals));
        var row = await RowAsync();
        Assert.Equal((AppealStatus.Closed, (SlaLight?)null, (SatisfactionRating?)SatisfactionRating.Satisfied), (row.Status, row.Light, row.Rating));
        var ranking = await District.GetDepartmentRanking();
        Assert.Equal(1, Assert.Single(ranking, r => r.DepartmentCode == DepartmentCodes.Finance).Closed);
    }

    [Fact]
    public async Task Close_NeverReplied_ThrowsAndChangesNothing()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);

        var error = await Assert.ThrowsAsync<DomainException>(() => appeal.Close(TestDistrict.Dispatcher, null));

        Assert.Equal(ErrorCodes.AppealNotReplied, error.Code);
        Assert.Equal("该诉求尚未反馈", error.MessageIn("zh-CN"));
        Assert.Single(await appeal.GetHistory());
        Assert.Equal(AppealStatus.Accepted, (await RowAsync()).Status);
        var figures = await District.GetFigures();
        Assert.Equal((1, 0, 1), (figures.AppealsReceived, figures.AppealsClosed, figures.OpenGreen));
    }

    [Fact]
    public async Task Supervise_TwoAtOnceFromTheSameVersion_OneRunsTheOtherIsRefusedInItsTurn()
    {
        var appeal = await InProgressAsync();
        var seen = (await appeal.Get())!.EventCount;
        var first = TestDistrict.Dispatcher with { SeenVersion = seen };
        var second = TestDistrict.Dispatcher with { Id = "dispatcher-2", SeenVersion = seen };

        // Both are in flight before either finishes: a check outside the grain's turn would let both through.
        var outcomes = await RefusalsAsync(appeal.Supervise(first, "请加快办理"), appeal.Supervise(second, "请本周内反馈"));

        Assert.Single(outcomes, o => o is null);
        var refusal = Assert.Single(outcomes, o => o is not null)!;
        Assert.Equal(ErrorCodes.AppealChanged, refusal.Code);
        Assert.Equal(["a-1", seen.ToString(System.Globalization.CultureInfo.InvariantCulture), (seen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)], refusal.Arguments);
        var history = await appeal.GetHistory();
        Assert.Equal(seen + 1, history.Length);
        Assert.Single(history, e => e.Kind == AppealEventKind.Supervised);
        Assert.Equal(new ChainVerification(true, null), await appeal.VerifyHistory());
    }

    [Fact]
    public async Task Route_SeenVersionBehind_ThrowsAppealChangedAndKeepsTheOtherChange()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);
        var seen = (await appeal.Get())!.EventCount;
        await appeal.Route(TestDistrict.Dispatcher with { Id = "dispatcher-2", SeenVersion = seen }, DepartmentCodes.Finance);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => appeal.Route(TestDistrict.Dispatcher with { SeenVersion = seen }, null));

        Assert.Equal(ErrorCodes.AppealChanged, error.Code);
        Assert.Contains("已被他人更新", error.MessageIn("zh-CN"), StringComparison.Ordinal);
        var routed = Assert.Single(await appeal.GetHistory(), e => e.Kind == AppealEventKind.Routed);
        Assert.Equal("dispatcher-2", routed.ActorId);
        Assert.Equal(DepartmentCodes.Finance, (await appeal.Get())!.DepartmentCode);
    }

    [Fact]
    public async Task Rate_Twice_ThrowsAlreadyRated()
    {
        var appeal = await InProgressAsync();
        await appeal.Reply(TestDistrict.FinanceHandler, "已办理", TestDistrict.Evidence);
        await appeal.Rate(TestDistrict.Enterprise1Actor, SatisfactionRating.Satisfied, null);
        var events = (await appeal.GetHistory()).Length;

        var error = await Assert.ThrowsAsync<DomainException>(() => appeal.Rate(TestDistrict.Enterprise1Actor, SatisfactionRating.Dissatisfied, null));

        Assert.Equal(ErrorCodes.AppealAlreadyRated, error.Code);
        Assert.Equal(events, (await appeal.GetHistory()).Length);
    }

    [Fact]
    public async Task Submit_DeadlineInPast_ThrowsAndStoresNothing()
    {
        var intake = TestDistrict.Intake("a-1") with { RequestedDeadline = Start.AddHours(-1) };

        var error = await Assert.ThrowsAsync<DomainException>(() => Appeal().Submit(intake, TestDistrict.Dispatcher));

        Assert.Equal(ErrorCodes.DeadlineInPast, error.Code);
        Assert.Null(await Appeal().Get());
        Assert.Equal(0, (await Queries.ListAsync(new AppealListQuery())).Total);
        Assert.Equal(0, (await District.GetFigures()).AppealsReceived);
    }

    [Fact]
    public async Task Submit_OversizedText_ThrowsTextTooLong()
    {
        var intake = TestDistrict.Intake("a-1") with { Text = new string('企', 2001) };

        var error = await Assert.ThrowsAsync<DomainException>(() => Appeal().Submit(intake, TestDistrict.Dispatcher));

        Assert.Equal(ErrorCodes.TextTooLong, error.Code);
        Assert.Null(await Appeal().Get());
    }

    [Fact]
    public async Task Submit_TownOtherThanTheEnterprises_IsRefusedAndNothingIsStored()
    {
        var figuresBefore = await District.GetFigures();

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Appeal().Submit(TestDistrict.Intake("a-1", TestDistrict.Enterprise1, town: TestDistrict.Town2), TestDistrict.Dispatcher));
        var otherProject = await Assert.ThrowsAsync<DomainException>(
            () => Appeal().Submit(TestDistrict.Intake("a-1", TestDistrict.Enterprise1, town: TestDistrict.Town2) with { ProjectId = "no-such-project" }, TestDistrict.Dispatcher));

        Assert.Equal((ErrorCodes.AppealTownMismatch, ErrorCodes.AppealTownMismatch), (error.Code, otherProject.Code));
        Assert.Equal("诉求所在镇街t2与企业所在镇街t1不一致；项目上的问题请从该项目提出", error.MessageIn(ErrorCatalogue.Chinese));
        Assert.Null(await Appeal().Get());
        Assert.Empty((await Queries.ListAsync(new AppealListQuery { DistrictCode = TestDistrict.Code })).Items);
        Assert.Equal(figuresBefore, await District.GetFigures());
    }

    [Fact]
    public async Task Submit_UnknownEnterpriseOrTown_Throws()
    {
        var unknownEnterprise = global::Grains.Enterprises.UnifiedSocialCreditCode.Create("91", "330211", "MA999999");

        var enterprise = await Assert.ThrowsAsync<DomainException>(
            () => Appeal().Submit(TestDistrict.Intake("a-1", unknownEnterprise), TestDistrict.Dispatcher));
        var town = await Assert.ThrowsAsync<DomainException>(
            () => Appeal().Submit(TestDistrict.Intake("a-1", town: "nowhere"), TestDistrict.Dispatcher));
        var code = await Assert.ThrowsAsync<DomainException>(
            () => Appeal().Submit(TestDistrict.Intake("a-1", "91330211MA0000010X"), TestDistrict.Dispatcher));

        Assert.Equal(ErrorCodes.EnterpriseUnknown, enterprise.Code);
        Assert.Equal(ErrorCodes.TownUnknown, town.Code);
        Assert.StartsWith("enterprise.credit-code", code.Code, StringComparison.Ordinal);
        Assert.Null(await Appeal().Get());
    }

    [Fact]
    public async Task Submit_SameEnterpriseAndCategoryRecently_SuggestsDuplicateThatCanBeLinked()
    {
        await Appeal("a-1").Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);
        Clock.Advance(TimeSpan.FromHours(2));

        var receipt = await Appeal("a-2").Submit(TestDistrict.Intake("a-2"), TestDistrict.Dispatcher);
        var linked = await Appeal("a-2").LinkDuplicate(TestDistrict.Dispatcher, "a-1");

        var suggestion = Assert.Single(receipt.Duplicates);
        Assert.Equal(("a-1", DuplicateReason.SameEnterpriseAndCategory), (suggestion.AppealId, suggestion.Reason));
        Assert.Equal<string>(["a-1"], linked.LinkedAppeals);
    }

    [Fact]
    public async Task ObjectToRouting_TwoRejectedHandOffs_EscalatesALevel()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);

        await appeal.Route(TestDistrict.Dispatcher, DepartmentCodes.Finance);
        await appeal.ObjectToRouting(TestDistrict.FinanceHandler, "不属于本部门职责");
        await appeal.Route(TestDistrict.Dispatcher, DepartmentCodes.Finance);
        var after = await appeal.ObjectToRouting(TestDistrict.FinanceHandler, "仍不属于本部门职责");

        Assert.Equal(2, after.RejectedHandOffs);
        Assert.Equal(EscalationLevel.DistrictServiceCentre, after.Level);
        Assert.Contains(await appeal.GetHistory(), e => e.Kind == AppealEventKind.Escalated && e.ActorRole == ActorRole.System);
    }

    [Fact]
    public async Task ObjectToRouting_AfterObjectionPeriod_ThrowsRoutingBinding()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);
        await appeal.Route(TestDistrict.Dispatcher, DepartmentCodes.Finance);
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<DomainException>(() => appeal.ObjectToRouting(TestDistrict.FinanceHandler, "不属于本部门"));

        Assert.Equal(ErrorCodes.AppealRoutingBinding, error.Code);
    }

    [Fact]
    public async Task Route_UnknownDepartment_Throws()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);

        var error = await Assert.ThrowsAsync<DomainException>(() => appeal.Route(TestDistrict.Dispatcher, "no-such-bureau"));

        Assert.Equal(ErrorCodes.DepartmentUnknown, error.Code);
        Assert.Equal(AppealStatus.Accepted, (await appeal.Get())!.Status);
    }

    [Fact]
    public async Task FormTaskForce_LedByDistrictLeader_GoesToLeaderLevel_NotByOtherOfficials()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);
        ImmutableArray<string> departments = [DepartmentCodes.Finance, DepartmentCodes.Commerce];

        var refused = await Assert.ThrowsAsync<DomainException>(
            () => appeal.FormTaskForce(TestDistrict.Dispatcher, TestDistrict.TownOfficial, departments));
        var formed = await appeal.FormTaskForce(TestDistrict.Dispatcher, TestDistrict.Leader, departments);

        Assert.Equal(ErrorCodes.AppealTaskForceLeader, refused.Code);
        Assert.Equal(EscalationLevel.DistrictLeader, formed.Level);
        Assert.Equal(TestDistrict.Leader, formed.TaskForce?.LeaderOfficialId);
    }

    [Fact]
    public async Task Supervise_AndEscalate_AreRecordedInHistory()
    {
        var appeal = await InProgressAsync();

        await appeal.Supervise(TestDistrict.Dispatcher, "请加快办理");
        var escalated = await appeal.Escalate(TestDistrict.Dispatcher, EscalationLevel.DistrictServiceCentre, "企业多次来电");
        var lower = await Assert.ThrowsAsync<DomainException>(
            () => appeal.Escalate(TestDistrict.Dispatcher, EscalationLevel.Department, "降级"));

        Assert.Equal((1, EscalationLevel.DistrictServiceCentre), (escalated.SupervisionCount, escalated.Level));
        Assert.Equal(ErrorCodes.AppealEscalationNotHigher, lower.Code);
        Assert.Equal(new ChainVerification(true, null), await appeal.VerifyHistory());
    }

    [Fact]
    public async Task Close_RightAfterReplyUnrated_IsFlaggedAsSuspectedFakeClosure()
    {
        var appeal = await InProgressAsync();
        await appeal.Reply(TestDistrict.FinanceHandler, "已办理", TestDistrict.Evidence);

        await appeal.Close(TestDistrict.Dispatcher, null);

        var finding = Assert.Single(await appeal.GetFakeClosureFindings());
        Assert.Equal(FakeClosureSuspicion.ClosedBeforeRatingPossible, finding.Kind);
    }

    [Fact]
    public async Task SlaReminder_ClockPassesYellowAndDeadline_LightTurnsYellowThenRedAndEscalates()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1") with { Priority = AppealPriority.Critical }, TestDistrict.Dispatcher);
        await appeal.Route(TestDistrict.Dispatcher, null);
        await appeal.TakeOver(TestDistrict.FinanceHandler);
        Assert.Equal(SlaLight.Green, (await RowAsync()).Light);

        // Critical finance: 1 working day from Mon 17 Nov 09:00 is Tue 18 Nov 09:00; yellow with a quarter left, Tue 03:00.
        Clock.Advance(TimeSpan.FromHours(18) + TimeSpan.FromMinutes(1));
        await FireReminderAsync(appeal, AppealGrain.ReminderName);
        Assert.Equal(SlaLight.Yellow, (await RowAsync()).Light);
        await WaitUntilAsync(async () => (await District.GetFigures()).OpenYellow == 1, "the district counts one yellow appeal");

        Clock.Advance(TimeSpan.FromHours(6));
        await FireReminderAsync(appeal, AppealGrain.ReminderName);
        Assert.Equal(SlaLight.Red, (await RowAsync()).Light);

        var figures = await District.GetFigures();
        Assert.Equal((0, 0, 1), (figures.OpenGreen, figures.OpenYellow, figures.OpenRed));
        Assert.Equal(EscalationLevel.DistrictServiceCentre, (await appeal.Get())!.Level);
        Assert.Equal(1, Assert.Single(await District.GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance).Overdue);
    }

    [Fact]
    public async Task SlaReminder_RegisteredForTheNextReview_DueWhenTheLightTurnsYellow()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1") with { Priority = AppealPriority.Critical }, TestDistrict.Dispatcher);
        var registeredAround = DateTime.UtcNow;

        var reminder = await ReminderAsync(appeal, AppealGrain.ReminderName);

        // Yellow at Tue 03:00, 18 hours after acceptance on the domain clock; Orleans counts that from the registration.
        Assert.NotNull(reminder);
        Assert.InRange(reminder.StartAt - registeredAround, TimeSpan.FromHours(18) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(18) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SlaReminder_DeadlinePassesWhileSiloIsDown_IsKeptAndTurnsRedWhenItFires()
    {
        await InProgressAsync();
        await Silo.StopAsync();

        Clock.Advance(TimeSpan.FromDays(10));
        await RestartAsync();

        // The reminder survived the restart in the reminder table; when it fires, the appeal reviews itself.
        await FireReminderAsync(Appeal(), AppealGrain.ReminderName);
        Assert.Equal(SlaLight.Red, (await RowAsync()).Light);
        await WaitUntilAsync(async () => (await District.GetFigures()).OpenRed == 1, "the district counts one red appeal");
    }

    [Fact]
    public async Task VerifyHistory_StoredEventEdited_ReportsTheBrokenIndex()
    {
        var appeal = await InProgressAsync();
        Assert.Equal(new ChainVerification(true, null), await appeal.VerifyHistory());
        await Silo.StopAsync();

        // The TakenOver event (index 2) is the only place the handler's id is stored.
        var changed = await Database.ExecuteSqlAsync(
            "UPDATE OrleansStorage SET PayloadJson = REPLACE(PayloadJson, 'handler-1', 'handler-9') WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = 'a-1'");
        await RestartAsync();

        Assert.Equal(1, changed);
        Assert.Equal(ChainVerification.Broken(IntegrityFindingKind.EventAltered, 2, TestSiloHost.IntegrityKeyId), await Appeal().VerifyHistory());
    }

    [Fact]
    public async Task Supervise_PublishesTheAppealsNewVersionAndARefusalPublishesNothing()
    {
        var appeal = await InProgressAsync();
        await using var live = await LiveObserver.SubscribeAsync(Grains, TestDistrict.Code);

        await Assert.ThrowsAsync<DomainException>(() => appeal.Close(TestDistrict.Dispatcher, null));
        var supervised = await appeal.Supervise(TestDistrict.Dispatcher, "请加快办理");

        var published = await live.NextAsync();
        Assert.Equal((DistrictEventKind.AppealSupervised, "a-1", supervised.EventCount), (published.Kind, published.SubjectCode, published.SubjectVersion));
        Assert.Equal(live.FirstSequence, published.Sequence);
    }

    [Fact]
    public async Task Activate_CountersStoredBeforeFiguresPerYear_NextChangeDoesNotCountTheAppealTwice()
    {
        var appeal = await InProgressAsync();
        await Silo.StopAsync();
        var changed = await Database.ExecuteSqlAsync(
            "UPDATE OrleansStorage SET PayloadJson = REPLACE(PayloadJson, '\"Years\":{\"2025\":{\"Received\":1,\"Closed\":0,\"ClosedOnTime\":0,\"Rated\":0,\"Satisfied\":0}}', " +
            "'\"AppealsReceived\":1') WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = 'a-1'");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await RestartAsync();

        await Appeal().Reply(TestDistrict.FinanceHandler, "已办理", TestDistrict.Evidence);
        var figures = await District.GetFigures();

        Assert.Equal(1, changed);
        Assert.Equal((1, 1), (figures.AppealsReceived, figures.OpenAppeals));
    }

    [Fact]
    public async Task Submit_PublishesAppealReceivedWithItsTownUnitAndCategory()
    {
        await using var live = await LiveObserver.SubscribeAsync(Grains, TestDistrict.Code);

        await Appeal().Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);

        var received = await live.NextAsync();
        Assert.Equal((DistrictEventKind.AppealReceived, "a-1", TestDistrict.Town1), (received.Kind, received.SubjectCode, received.TownCode));
        Assert.Equal((ActorRole.Dispatcher, (string?)null, (string?)"finance"), (received.ActorRole, received.Unit, received.Category));
    }

    [Fact]
    public async Task TakeOverAndReply_PublishSignedAndRepliedByTheDepartment()
    {
        var appeal = Appeal();
        await appeal.Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);
        await appeal.Route(TestDistrict.Dispatcher, null);
        await using var live = await LiveObserver.SubscribeAsync(Grains, TestDistrict.Code);

        await appeal.TakeOver(TestDistrict.FinanceHandler);
        await appeal.Reply(TestDistrict.FinanceHandler, "已办理", TestDistrict.Evidence);

        var signed = await live.NextAsync();
        var replied = await live.NextAsync();
        Assert.Equal((DistrictEventKind.AppealSigned, (string?)DepartmentCodes.Finance), (signed.Kind, signed.Unit));
        Assert.Equal((DistrictEventKind.AppealReplied, (string?)DepartmentCodes.Finance), (replied.Kind, replied.Unit));
        Assert.Equal(signed.Sequence + 1, replied.Sequence);
    }
}

public sealed class AppealGrainSqliteTests : AppealGrainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AppealGrainPostgresTests : AppealGrainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
