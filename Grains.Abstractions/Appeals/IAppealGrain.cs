using System.Collections.Immutable;
using Grains.Abstractions.Sla;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Appeals;

/// <summary>One appeal (诉求) through the closed loop, keyed by its id; every change is appended to a hash-chained history.
/// A command whose actor carries <see cref="AppealActor.SeenVersion"/> is refused when the appeal changed since.</summary>
[Alias("cc.IAppealGrain")]
public interface IAppealGrain : IGrainWithStringKey
{
    /// <summary>受理: accepts the appeal and suggests likely duplicates; the key must be the intake's id.</summary>
    Task<AppealReceipt> Submit(AppealIntake intake, AppealActor actor);

    /// <summary>分流: routes it to a department, or by the routing rules when <paramref name="departmentCode"/> is null.</summary>
    Task<Appeal> Route(AppealActor actor, string? departmentCode);

    /// <summary>分流异议: the department says it is not theirs, within the objection period.</summary>
    Task<Appeal> ObjectToRouting(AppealActor actor, string reason);

    /// <summary>签收: the department takes it over; the routing becomes binding.</summary>
    Task<Appeal> TakeOver(AppealActor actor);

    /// <summary>反馈: the department replies with evidence of what was done.</summary>
    Task<Appeal> Reply(AppealActor actor, string text, ImmutableArray<AttachmentInfo> evidence);

    /// <summary>评价: the enterprise rates the reply, once.</summary>
    Task<Appeal> Rate(AppealActor actor, SatisfactionRating rating, string? comment);

    /// <summary>差评核实: the centre verifies a 不满意 rating; when upheld the work is reopened with a new deadline.</summary>
    Task<Appeal> VerifyDissatisfaction(AppealActor actor, string findings, bool upheld);

    /// <summary>回访: the centre asks the enterprise again after rework and records the result.</summary>
    Task<Appeal> Revisit(AppealActor actor, SatisfactionRating result, string notes);

    /// <summary>销号: closes a replied appeal that is rated, or left unrated.</summary>
    Task<Appeal> Close(AppealActor actor, string? note);

    /// <summary>督办: the centre presses for progress.</summary>
    Task<Appeal> Supervise(AppealActor actor, string note);

    /// <summary>成立专班: hands a cross-department appeal to a task force led by a district leader.</summary>
    Task<Appeal> FormTaskForce(AppealActor actor, string leaderOfficialId, ImmutableArray<string> departmentCodes);

    /// <summary>升级: moves it up to a higher response level.</summary>
    Task<Appeal> Escalate(AppealActor actor, EscalationLevel level, string reason);

    /// <summary>Links a likely duplicate so both are handled together.</summary>
    Task<Appeal> LinkDuplicate(AppealActor actor, string otherAppealId);

    /// <summary>Re-checks the light and the level now, as the SLA reminder does.</summary>
    Task<Appeal> Review();

    /// <summary>The appeal, or null when no appeal has this id.</summary>
    [ReadOnly]
    Task<Appeal?> Get();

    /// <summary>The appeal with its light now and the enterprise's name.</summary>
    [ReadOnly]
    Task<AppealView> GetView();

    /// <summary>The full history, oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<AppealEvent>> GetHistory();

    /// <summary>Checks the stored history's hash chain; names the first event that does not check out.</summary>
    [ReadOnly]
    Task<ChainVerification> VerifyHistory();

    /// <summary>Closures in the history that look like 虚假报结.</summary>
    [ReadOnly]
    Task<ImmutableArray<FakeClosureFinding>> GetFakeClosureFindings();
}
