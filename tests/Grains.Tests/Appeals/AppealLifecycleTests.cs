using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using static Grains.Tests.Appeals.AppealFixture;

namespace Grains.Tests.Appeals;

public sealed class AppealLifecycleTests
{
    private readonly AppealFixture _f = new();

    private static void AssertError(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void Accept_ValidIntake_AcceptsWithPolicyDeadlineAndOneEvent()
    {
        var change = _f.Lifecycle.Accept(Intake(), Dispatcher);

        Assert.Equal(AppealStatus.Accepted, change.State.Status);
        Assert.Equal(EscalationLevel.TownOrStation, change.State.Level);
        Assert.Equal(new DateTimeOffset(2025, 11, 26, 9, 0, 0, TimeSpan.FromHours(8)), change.State.Deadline); // 7 working days
        var e = Assert.Single(change.Events);
        Assert.Equal(AppealEventKind.Accepted, e.Kind);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("finance", e.Field("category"));
        Assert.Equal(ActionChannel.Workbench, e.Channel);
        Assert.Equal(e.Hash, change.State.HeadHash);
        Assert.Equal(1, change.State.EventCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Accept_EmptyText_Throws(string text)
    {
        AssertError(ErrorCodes.TextEmpty, () => _f.Lifecycle.Accept(Intake(text), Dispatcher));
    }

    [Theory]
    [InlineData("续贷\0审批慢")]
    [InlineData("续贷\u0007审批慢")]
    public void Accept_TextWithControlCharacter_Throws(string text)
    {
        AssertError(ErrorCodes.TextControlCharacter, () => _f.Lifecycle.Accept(Intake(text), Dispatcher));
    }

    [Fact]
    public void Accept_TextWithLineBreaksAndTabs_Accepted()
    {
        var change = _f.Lifecycle.Accept(Intake("第一行\r\n第二行\t附注"), Dispatcher);

        Assert.Equal("第一行\r\n第二行\t附注", change.State.Text);
    }

    [Fact]
    public void Accept_OversizedText_ThrowsWithLimit()
    {
        var error = Assert.Throws<DomainException>(() => _f.Lifecycle.Accept(Intake(new string('字', 2001)), Dispatcher));

        Assert.Equal(ErrorCodes.TextTooLong, error.Code);
        Assert.Equal(["field.text", "2000", "2001"], error.Arguments);
    }

    [Fact]
    public void Accept_TextAtLimit_IsAccepted()
    {
        Assert.Equal(2000, _f.Lifecycle.Accept(Intake(new string('字', 2000)), Dispatcher).State.Text.Length);
    }

    [Fact]
    public void Accept_InvalidCreditCode_Throws()
    {
        AssertError(ErrorCodes.CreditCodeCheckCharacter,
            () => _f.Lifecycle.Accept(Intake() with { EnterpriseCreditCode = "91350100M000100Y44" }, Dispatcher));
    }

    [Fact]
    public void Accept_RequestedDeadlineInPast_Throws()
    {
        var past = _f.Clock.Now.AddMinutes(-1);

        AssertError(ErrorCodes.DeadlineInPast, () => _f.Lifecycle.Accept(Intake() with { RequestedDeadline = past }, Dispatcher));
    }

    [Fact]
    public void Accept_UnknownCategory_Throws()
    {
        AssertError(ErrorCodes.CategoryUnknown, () => _f.Lifecycle.Accept(Intake() with { Category = "tourism" }, Dispatcher));
    }

    [Fact]
    public void Accept_TooManyAttachments_Throws()
    {
        var many = Enumerable.Repeat(Evidence[0], 21).ToImmutableArray();

        AssertError(ErrorCodes.AppealTooManyAttachments, () => _f.Lifecycle.Accept(Intake() with { Attachments = many }, Dispatcher));
    }

    [Fact]
    public void Accept_InvalidLocation_Throws()
    {
        AssertError(ErrorCodes.CoordinateInvalid,
            () => _f.Lifecycle.Accept(Intake() with { Location = new GeoPoint(91, 121) }, Dispatcher));
    }

    [Fact]
    public void Accept_ByDepartmentHandler_NotAllowed()
    {
        AssertError(ErrorCodes.AppealActorNotAllowed, () => _f.Lifecycle.Accept(Intake(), Handler));
    }

    [Fact]
    public void Route_Accepted_RoutesToDepartmentAtDepartmentLevel()
    {
        var accepted = _f.Accepted();

        var routed = _f.Apply(accepted, _f.Lifecycle.Route(accepted, Dispatcher, Department));

        Assert.Equal(AppealStatus.Routed, routed.Status);
        Assert.Equal(Department, routed.DepartmentCode);
        Assert.Equal(EscalationLevel.Department, routed.Level);
        Assert.Equal(_f.Clock.Now.AddDays(1), routed.ObjectionDeadline);
    }

    [Fact]
    public void Route_AlreadyRouted_IsInvalidTransition()
    {
        var accepted = _f.Accepted();
        var routed = _f.Lifecycle.Route(accepted, Dispatcher, Department).State;

        AssertError(ErrorCodes.AppealTransitionInvalid, () => _f.Lifecycle.Route(routed, Dispatcher, "commerce"));
    }

    [Fact]
    public void ObjectToRouting_WithinWindow_ReturnsToCentreAndCountsRejection()
    {
        var routed = _f.Lifecycle.Route(_f.Accepted(), Dispatcher, Department).State;
        _f.Clock.Advance(TimeSpan.FromHours(23));

        var change = _f.Lifecycle.ObjectToRouting(routed, Handler, "不属于本部门职责");

        Assert.Equal(AppealStatus.Accepted, change.State.Status);
        Assert.Null(change.State.DepartmentCode);
        Assert.Equal(1, change.State.RejectedHandOffs);
        Assert.Equal(AppealEventKind.RoutingObjected, Assert.Single(change.Events).Kind);
    }

    [Fact]
    public void ObjectToRouting_AfterWindow_RoutingIsBinding()
    {
        var routed = _f.Lifecycle.Route(_f.Accepted(), Dispatcher, Department).State;
        _f.Clock.Advance(TimeSpan.FromDays(1));

        AssertError(ErrorCodes.AppealRoutingBinding, () => _f.Lifecycle.ObjectToRouting(routed, Handler, "不属于本部门职责"));
    }

    [Fact]
    public void ObjectToRouting_WindowCountsWorkingTimeOnly()
    {
        _f.Clock.Now = new DateTimeOffset(2025, 11, 21, 17, 0, 0, TimeSpan.FromHours(8)); // Friday
        var routed = _f.Lifecycle.Route(_f.Accepted(), Dispatcher, Department).State;
        _f.Clock.Now = new DateTimeOffset(2025, 11, 24, 16, 0, 0, TimeSpan.FromHours(8)); // Monday

        Assert.Equal(1, _f.Lifecycle.ObjectToRouting(routed, Handler, "不属于本部门").State.RejectedHandOffs);
    }

    [Fact]
    public void ObjectToRouting_ByOtherDepartment_IsRefused()
    {
        var routed = _f.Lifecycle.Route(_f.Accepted(), Dispatcher, Department).State;

        AssertError(ErrorCodes.AppealWrongDepartment, () => _f.Lifecycle.ObjectToRouting(routed, OtherHandler, "不是我们"));
    }

    [Fact]
    public void TakeOver_ThenObjection_RoutingIsBinding()
    {
        var working = _f.InProgress();

        Assert.Equal(AppealStatus.InProgress, working.Status);
        AssertError(ErrorCodes.AppealTransitionInvalid, () => _f.Lifecycle.ObjectToRouting(working, Handler, "晚了"));
    }

    [Fact]
    public void Reply_WithoutEvidence_Throws()
    {
        var working = _f.InProgress();

        AssertError(ErrorCodes.AppealEvidenceMissing, () => _f.Lifecycle.Reply(working, Handler, "已办理", []));
    }

    [Fact]
    public void Reply_ByOtherDepartment_IsRefused()
    {
        var working = _f.InProgress();

        AssertError(ErrorCodes.AppealWrongDepartment, () => _f.Lifecycle.Reply(working, OtherHandler, "已办理", Evidence));
    }

    [Fact]
    public void Reply_BeforeTakeOver_IsInvalidTransition()
    {
        var routed = _f.Lifecycle.Route(_f.Accepted(), Dispatcher, Department).State;

        AssertError(ErrorCodes.AppealTransitionInvalid, () => _f.Lifecycle.Reply(routed, Handler, "已办理", Evidence));
    }

    [Fact]
    public void Reply_InProgress_RecordsReplyAndOnTime()
    {
        var replied = _f.Replied();

        Assert.Equal(AppealStatus.Replied, replied.Status);
        Assert.Equal(1, replied.ReplyCount);
        Assert.Equal(_f.Clock.Now, replied.FirstReplyAt);
        Assert.Equal("True", _f.History[^1].Field("on-time"));
    }

    [Fact]
    public void Rate_BeforeReply_ThrowsNotReplied()
    {
        var working = _f.InProgress();

        AssertError(ErrorCodes.AppealNotReplied, () => _f.Lifecycle.Rate(working, Enterprise, SatisfactionRating.Satisfied, null));
    }

    [Fact]
    public void Rate_Twice_ThrowsAlreadyRated()
    {
        var rated = _f.Lifecycle.Rate(_f.Replied(), Enterprise, SatisfactionRating.Satisfied, "很好").State;

        AssertError(ErrorCodes.AppealAlreadyRated, () => _f.Lifecycle.Rate(rated, Enterprise, SatisfactionRating.Satisfied, null));
    }

    [Fact]
    public void Rate_ByDispatcher_NotAllowed()
    {
        var replied = _f.Replied();

        AssertError(ErrorCodes.AppealActorNotAllowed, () => _f.Lifecycle.Rate(replied, Dispatcher, SatisfactionRating.Satisfied, null));
    }

    [Fact]
    public void Rate_OversizedComment_Throws()
    {
        var replied = _f.Replied();

        AssertError(ErrorCodes.TextTooLong, () => _f.Lifecycle.Rate(replied, Enterprise, SatisfactionRating.Satisfied, new string('好', 2001)));
    }

    [Theory]
    [InlineData(SatisfactionRating.Satisfied, AppealStatus.Rated)]
    [InlineData(SatisfactionRating.BasicallySatisfied, AppealStatus.Rated)]
    [InlineData(SatisfactionRating.Dissatisfied, AppealStatus.AwaitingVerification)]
    public void Rate_Replied_MovesByRating(SatisfactionRating rating, AppealStatus expected)
    {
        Assert.Equal(expected, _f.Lifecycle.Rate(_f.Replied(), Enterprise, rating, null).State.Status);
    }

    [Fact]
    public void Close_WithoutReply_ThrowsNotReplied()
    {
        var working = _f.InProgress();

        AssertError(ErrorCodes.AppealNotReplied, () => _f.Lifecycle.Close(working, Dispatcher, null));
    }

    [Fact]
    public void Close_AwaitingVerification_IsInvalidTransition()
    {
        var bad = _f.Lifecycle.Rate(_f.Replied(), Enterprise, SatisfactionRating.Dissatisfied, "没解决").State;

        AssertError(ErrorCodes.AppealTransitionInvalid, () => _f.Lifecycle.Close(bad, Dispatcher, null));
    }

    [Fact]
    public void Close_ByDepartment_NotAllowed()
    {
        var replied = _f.Replied();

        AssertError(ErrorCodes.AppealActorNotAllowed, () => _f.Lifecycle.Close(replied, Handler, null));
    }

    [Fact]
    public void Close_Rated_ClosesAndFurtherCommandsAreRefused()
    {
        var rated = _f.Lifecycle.Rate(_f.Replied(), Enterprise, SatisfactionRating.Satisfied, null).State;

        var closed = _f.Lifecycle.Close(rated, Dispatcher, "办结").State;

        Assert.Equal(AppealStatus.Closed, closed.Status);
        Assert.Equal(_f.Clock.Now, closed.ClosedAt);
        AssertError(ErrorCodes.AppealClosed, () => _f.Lifecycle.Close(closed, Dispatcher, null));
        AssertError(ErrorCodes.AppealClosed, () => _f.Lifecycle.Supervise(closed, Dispatcher, "再看看"));
    }

    [Fact]
    public void FullLoop_BadRatingUpheld_ReworkRevisitAndClose()
    {
        var replied = _f.Replied();
        var bad = _f.Apply(replied, _f.Lifecycle.Rate(replied, Enterprise, SatisfactionRating.Dissatisfied, "问题没解决"));
        _f.Clock.Advance(TimeSpan.FromHours(2));

        var reopened = _f.Apply(bad, _f.Lifecycle.VerifyDissatisfaction(bad, Dispatcher, "情况属实，责令整改", upheld: true));

        Assert.Equal(AppealStatus.InProgress, reopened.Status);
        Assert.Equal(1, reopened.ReworkRound);
        Assert.Equal(_f.Clock.Now, reopened.DeadlineFrom);
        Assert.Equal(new DateTimeOffset(2025, 11, 27, 7, 0, 0, TimeSpan.FromHours(8)), reopened.Deadline);

        var reworked = _f.Apply(reopened, _f.Lifecycle.Reply(reopened, Handler, "已重新办理", Evidence));
        AssertError(ErrorCodes.AppealAlreadyRated, () => _f.Lifecycle.Rate(reworked, Enterprise, SatisfactionRating.Satisfied, null));
        AssertError(ErrorCodes.AppealTransitionInvalid, () => _f.Lifecycle.Close(reworked, Dispatcher, null));

        var revisited = _f.Apply(reworked, _f.Lifecycle.Revisit(reworked, Dispatcher, SatisfactionRating.Satisfied, "电话回访，企业满意"));
        var closed = _f.Apply(revisited, _f.Lifecycle.Close(revisited, Dispatcher, null));

        Assert.Equal(AppealStatus.Closed, closed.Status);
        Assert.Equal(SatisfactionRating.Dissatisfied, closed.Rating);
        Assert.Equal(SatisfactionRating.Satisfied, closed.EffectiveRating);
        Assert.True(AppealHashChain.Verify(Keys, _f.History, closed).IsIntact);
        Assert.Equal(
            [AppealEventKind.Accepted, AppealEventKind.Routed, AppealEventKind.TakenOver, AppealEventKind.Replied,
             AppealEventKind.Rated, AppealEventKind.DissatisfactionVerified, AppealEventKind.Replied,
             AppealEventKind.Revisited, AppealEventKind.Closed],
            _f.History.Select(e => e.Kind));
    }

    [Fact]
    public void VerifyDissatisfaction_NotUpheld_GoesToRevisit()
    {
        var bad = _f.Lifecycle.Rate(_f.Replied(), Enterprise, SatisfactionRating.Dissatisfied, "不满意").State;

        var verified = _f.Lifecycle.VerifyDissatisfaction(bad, Dispatcher, "诉求超出政策范围，已解释", upheld: false).State;

        Assert.Equal(AppealStatus.AwaitingRevisit, verified.Status);
        Assert.Equal(AppealStatus.Rated, _f.Lifecycle.Revisit(verified, Dispatcher, SatisfactionRating.BasicallySatisfied, "企业理解").State.Status);
    }

    [Fact]
    public void Revisit_WithoutBadRating_IsInvalidTransition()
    {
        var replied = _f.Replied();

        AssertError(ErrorCodes.AppealTransitionInvalid, () => _f.Lifecycle.Revisit(replied, Dispatcher, SatisfactionRating.Satisfied, "回访"));
    }

    [Fact]
    public void Supervise_AtAnyOpenPoint_CountsEachTime()
    {
        var accepted = _f.Accepted();
        var once = _f.Lifecycle.Supervise(accepted, Dispatcher, "请尽快分流").State;
        var replied = _f.Replied();

        var twice = _f.Lifecycle.Supervise(replied, Leader, "关注评价").State;

        Assert.Equal(1, once.SupervisionCount);
        Assert.Equal(1, twice.SupervisionCount);
        Assert.Equal(AppealStatus.Replied, twice.Status);
    }

    [Fact]
    public void Supervise_EmptyNote_Throws()
    {
        AssertError(ErrorCodes.TextEmpty, () => _f.Lifecycle.Supervise(_f.Accepted(), Dispatcher, " "));
    }

    [Fact]
    public void FormTaskForce_LeaderNotDistrictLeader_Throws()
    {
        AssertError(ErrorCodes.AppealTaskForceLeader,
            () => _f.Lifecycle.FormTaskForce(_f.Accepted(), Dispatcher, "official-9", OfficialTier.Department, ["finance", "commerce"]));
    }

    [Fact]
    public void FormTaskForce_OneDepartment_Throws()
    {
        AssertError(ErrorCodes.AppealTaskForceDepartments,
            () => _f.Lifecycle.FormTaskForce(_f.Accepted(), Dispatcher, "leader-1", OfficialTier.DistrictLeader, ["finance", "finance"]));
    }

    [Fact]
    public void FormTaskForce_CrossDepartment_LeaderLevelAndMembersMayReply()
    {
        var force = _f.Lifecycle.FormTaskForce(_f.Accepted(), Dispatcher, "leader-1", OfficialTier.DistrictLeader, ["finance", "commerce"]).State;

        Assert.Equal(AppealStatus.InProgress, force.Status);
        Assert.Equal(EscalationLevel.DistrictLeader, force.Level);
        Assert.Equal(AppealStatus.Replied, _f.Lifecycle.Reply(force, OtherHandler, "商务局牵头解决", Evidence).State.Status);
    }

    [Fact]
    public void Escalate_NotHigher_Throws()
    {
        var routed = _f.Lifecycle.Route(_f.Accepted(), Dispatcher, Department).State;

        AssertError(ErrorCodes.AppealEscalationNotHigher, () => _f.Lifecycle.Escalate(routed, Dispatcher, EscalationLevel.Department, "升级"));
    }

    [Fact]
    public void Review_BeforeDeadline_YieldsNothing()
    {
        var working = _f.InProgress();

        Assert.Empty(_f.Lifecycle.Review(working, SystemActor).Events);
    }

    [Fact]
    public void Review_Overdue_EscalatesToCentre()
    {
        var working = _f.InProgress();
        _f.Clock.Now = working.Deadline;

        var change = _f.Lifecycle.Review(working, SystemActor);

        Assert.Equal(EscalationLevel.DistrictServiceCentre, change.State.Level);
        Assert.Equal("overdue", Assert.Single(change.Events).Field("reason"));
        Assert.Empty(_f.Lifecycle.Review(change.State, SystemActor).Events);
    }

    [Fact]
    public void Review_TwoRejectedHandOffs_Escalates()
    {
        var appeal = _f.Accepted();
        for (var i = 0; i < 2; i++)
        {
            appeal = _f.Lifecycle.Route(appeal, Dispatcher, Department).State;
            appeal = _f.Lifecycle.ObjectToRouting(appeal, Handler, "非本部门职责").State;
        }

        var change = _f.Lifecycle.Review(appeal, SystemActor);

        Assert.Equal(EscalationLevel.DistrictServiceCentre, change.State.Level);
        Assert.Equal("rejected-hand-offs", Assert.Single(change.Events).Field("reason"));
    }

    [Fact]
    public void LightOf_OverTime_GreenYellowRedThenNoneWhenClosed()
    {
        var working = _f.InProgress();

        Assert.Equal(SlaLight.Green, _f.Lifecycle.LightOf(working, working.AcceptedAt.AddHours(1)));
        Assert.Equal(SlaLight.Yellow, _f.Lifecycle.LightOf(working, working.Deadline.AddHours(-1)));
        Assert.Equal(SlaLight.Red, _f.Lifecycle.LightOf(working, working.Deadline));
        Assert.Null(_f.Lifecycle.LightOf(working with { Status = AppealStatus.Closed }, working.Deadline));
    }

    [Fact]
    public void NextReviewAt_Fresh_IsWhenTheLightTurnsYellow()
    {
        var working = _f.InProgress();

        // 7 working days = 168 h; yellow after 126 h: Monday 15:00 of the next week.
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 15, 0, 0, TimeSpan.FromHours(8)), _f.Lifecycle.NextReviewAt(working, working.AcceptedAt));
    }

    [Fact]
    public void LightOf_RepliedLate_StaysRed()
    {
        var working = _f.InProgress();
        _f.Clock.Now = working.Deadline.AddHours(1);

        var late = _f.Lifecycle.Reply(working, Handler, "迟到的反馈", Evidence).State;

        Assert.Equal(SlaLight.Red, _f.Lifecycle.LightOf(late, _f.Clock.Now));
        Assert.Equal("False", _f.Lifecycle.Reply(working, Handler, "迟到的反馈", Evidence).Events[0].Field("on-time"));
    }

    [Fact]
    public void LinkDuplicate_Twice_LinksOnce()
    {
        var linked = _f.Lifecycle.LinkDuplicate(_f.Accepted(), Dispatcher, "appeal-0").State;

        var again = _f.Lifecycle.LinkDuplicate(linked, Dispatcher, "appeal-0");

        Assert.Equal(["appeal-0"], again.State.LinkedAppeals.ToArray());
        Assert.Empty(again.Events);
    }
}
