using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;
using Storage.ReadModels;
using Grains.Tests.Infrastructure;
using Storage;
using Silo.Streams;

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
        await WaitUntilAsync(async () => (await RowAsync()).Light == SlaLight.Yellow, "the light is yellow");
        // The district hears of the change after the read model row is written: wait for it too.
        await WaitUntilAsync(async () => (await District.GetFigures()).OpenYellow == 1, "the district counts one yellow appeal");
        // The reminder's turn registers the deadline review after it counts the change; a read-only call queues behind that
        // turn. Advancing before it ends would start the deadline timer from the advanced clock, six hours late.
        await appeal.Get();
        Clock.Advance(TimeSpan.FromHours(6));
        await WaitUntilAsync(async () => (await RowAsync()).Light == SlaLight.Red, "the light is red");
        await WaitUntilAsync(async () => (await District.GetFigures()).OpenRed == 1, "the district counts one red appeal");

        var figures = await District.GetFigures();
        Assert.Equal((0, 0, 1), (figures.OpenGreen, figures.OpenYellow, figures.OpenRed));
        Assert.Equal(EscalationLevel.DistrictServiceCentre, (await appeal.Get())!.Level);
        Assert.Equal(1, Assert.Single(await District.GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance).Overdue);
    }

    [Fact]
    public async Task SlaReminder_DeadlinePassesWhileSiloIsDown_TurnsRedAfterRestart()
    {
        await InProgressAsync();
        await Silo.StopAsync();

        Clock.Advance(TimeSpan.FromDays(10));
        await RestartAsync();

        // Only the read model is read, so no call activates the appeal: the durable reminder must have done it.
        await WaitUntilAsync(async () => (await RowAsync()).Light == SlaLight.Red, "the reminder turned the light red");
        Assert.Equal(1, (await District.GetFigures()).OpenRed);
    }

    [Fact]
    public async Task VerifyHistory_StoredEventEdited_ReportsTheBrokenIndex()
    {
        var appeal = await InProgressAsync();
        Assert.Equal(new ChainVerification(true, null), await appeal.VerifyHistory());
        await Silo.StopAsync();

        // The TakenOver event (index 2) is the only place the handler's id is stored.
        var changed = await Database.ExecuteSqlAsync(
            "UPDATE grain_state SET payload = REPLACE(payload, 'handler-1', 'handler-9') WHERE grain_type = 'appeal' AND grain_key = 'a-1'");
        await RestartAsync();

        Assert.Equal(1, changed);
        Assert.Equal(new ChainVerification(false, 2), await Appeal().VerifyHistory());
    }

    [Fact]
    public async Task Supervise_PublishesTheAppealsNewVersionAndARefusalPublishesNothing()
    {
        var appeal = await InProgressAsync();
        var feed = Silo.Get<IChangeFeed>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var updates = feed.SubscribeAsync<AppealUpdate>(AppealTopics.All, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = updates.MoveNextAsync().AsTask();

        await Assert.ThrowsAsync<DomainException>(() => appeal.Close(TestDistrict.Dispatcher, null));
        var supervised = await appeal.Supervise(TestDistrict.Dispatcher, "请加快办理");

        Assert.True(await next);
        Assert.Equal(("a-1", supervised.EventCount), (updates.Current.AppealId, updates.Current.Version));
        await updates.DisposeAsync();
    }

    [Fact]
    public async Task Activate_CountersStoredBeforeFiguresPerYear_NextChangeDoesNotCountTheAppealTwice()
    {
        var appeal = await InProgressAsync();
        await Silo.StopAsync();
        var changed = await Database.ExecuteSqlAsync(
            "UPDATE grain_state SET payload = REPLACE(payload, '\"Years\":{\"2025\":{\"Received\":1,\"Closed\":0,\"ClosedOnTime\":0,\"Rated\":0,\"Satisfied\":0}}', " +
            "'\"AppealsReceived\":1') WHERE grain_type = 'appeal' AND grain_key = 'a-1'");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await RestartAsync();

        await Appeal().Reply(TestDistrict.FinanceHandler, "已办理", TestDistrict.Evidence);
        var figures = await District.GetFigures();

        Assert.Equal(1, changed);
        Assert.Equal((1, 1), (figures.AppealsReceived, figures.OpenAppeals));
    }

    [Fact]
    public async Task Submit_PublishesAppealReceivedOnDistrictAndTownTopics()
    {
        var feed = Silo.Get<IChangeFeed>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var district = feed.SubscribeAsync<DistrictEvent>(DistrictTopics.District, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var town = feed.SubscribeAsync<DistrictEvent>(DistrictTopics.Town(TestDistrict.Town1), cancel.Token).GetAsyncEnumerator(cancel.Token);
        var nextDistrict = district.MoveNextAsync().AsTask();
        var nextTown = town.MoveNextAsync().AsTask();

        await Appeal().Submit(TestDistrict.Intake("a-1"), TestDistrict.Dispatcher);

        Assert.True(await nextDistrict);
        Assert.True(await nextTown);
        Assert.Equal((DistrictEventKind.AppealReceived, "a-1"), (district.Current.Kind, district.Current.SubjectCode));
        Assert.Contains("金融", district.Current.Title, StringComparison.Ordinal);
        Assert.Equal(district.Current, town.Current);
        await district.DisposeAsync();
        await town.DisposeAsync();
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
