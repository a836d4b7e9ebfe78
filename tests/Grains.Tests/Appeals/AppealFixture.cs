using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Integrity;
using Grains.Tests.Integrity;
using Grains.Sla;

namespace Grains.Tests.Appeals;

/// <summary>A lifecycle on a weekends-only calendar with a hand-moved clock starting Monday 2025-11-17 09:00 (+08:00).</summary>
internal sealed class AppealFixture
{
    public const string CreditCode = "91350100M000100Y43";
    public const string Department = "finance";

    public static readonly AppealActor Dispatcher = new("dispatcher-1", ActorRole.Dispatcher, "centre", ActionChannel.Workbench);
    public static readonly AppealActor Handler = new("handler-1", ActorRole.DepartmentHandler, Department, ActionChannel.Workbench);
    public static readonly AppealActor OtherHandler = new("handler-2", ActorRole.DepartmentHandler, "commerce", ActionChannel.Workbench);
    public static readonly AppealActor Enterprise = new("ent-user", ActorRole.Enterprise, CreditCode, ActionChannel.Online);
    public static readonly AppealActor Leader = new("leader-1", ActorRole.DistrictLeader, "district", ActionChannel.Workbench);
    public static readonly AppealActor SystemActor = new("system", ActorRole.System, null, ActionChannel.System);
    public static readonly ImmutableArray<AttachmentInfo> Evidence =
        [new("receipt.pdf", "application/pdf", 1024, new string('a', 64))];

    public AppealFixture()
    {
        Clock = new ManualClock(new DateTimeOffset(2025, 11, 17, 9, 0, 0, TimeSpan.FromHours(8)));
        Lifecycle = new AppealLifecycle(
            AppealSettings.Default,
            new SlaPolicy(SlaSettings.Default, new WorkingCalendar(WorkingCalendarSettings.WeekendsOnly)),
            Clock,
            Keys);
    }

    /// <summary>The keys its events are sealed with.</summary>
    public static IntegrityKeyRing Keys { get; } = TestKeys.Ring();

    public ManualClock Clock { get; }

    public AppealLifecycle Lifecycle { get; }

    public List<AppealEvent> History { get; } = [];

    public static AppealIntake Intake(string text = "企业贷款续贷遇到困难，请求协调") =>
        new("appeal-1", CreditCode, "town-01", AppealChannel.Hotline12345, "finance", AppealPriority.Normal, "续贷困难", text);

    /// <summary>Applies a change, checks it yields events chained to the previous head, and keeps them.</summary>
    public Appeal Apply(Appeal? before, AppealChange change)
    {
        Assert.NotEmpty(change.Events);
        var head = before?.HeadHash ?? Appeal.GenesisHash;
        foreach (var e in change.Events)
        {
            Assert.Equal(head, e.PreviousHash);
            head = e.Hash;
        }

        History.AddRange(change.Events);
        return change.State;
    }

    public Appeal Accepted() => Apply(null, Lifecycle.Accept(Intake(), Dispatcher));

    public Appeal InProgress()
    {
        var accepted = Accepted();
        var routed = Apply(accepted, Lifecycle.Route(accepted, Dispatcher, Department));
        return Apply(routed, Lifecycle.TakeOver(routed, Handler));
    }

    public Appeal Replied()
    {
        var working = InProgress();
        Clock.Advance(TimeSpan.FromHours(20));
        return Apply(working, Lifecycle.Reply(working, Handler, "已协调银行办理续贷", Evidence));
    }
}
