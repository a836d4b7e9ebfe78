using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Abstractions.Towns;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Grains.Appeals;

internal sealed record AppealState
{
    public Appeal? Appeal { get; init; }

    /// <summary>The append-only history, stored with the state in one write so the two can never disagree.</summary>
    public ImmutableArray<AppealEvent> History { get; init; } = [];

    public string? DistrictCode { get; init; }

    public string EnterpriseName { get; init; } = string.Empty;

    public CountedScope Counted { get; init; } = CountedScope.Nothing;

    /// <summary>When the SLA reminder is due next (null: no reminder), so it is only re-registered when this moves.</summary>
    public DateTimeOffset? ReviewAt { get; init; }
}

/// <summary>One appeal through the closed loop. Every command runs the pure <see cref="AppealLifecycle"/> (which
/// refuses before anything changes), then writes state and history together, then the read-model row, the
/// aggregators' deltas and the SLA reminder. It calls enterprises, towns, departments, officials (reads) and the
/// aggregators; none of them calls an appeal.</summary>
[GrainType("appeal")]
internal sealed partial class AppealGrain(
    [PersistentState("appeal")] IPersistentState<AppealState> state,
    AppealLifecycle lifecycle,
    RoutingTable routing,
    DuplicateFinder duplicates,
    AppealQueries queries,
    ProjectQueries projects,
    ReadModelWriter readModel,
    IOptions<DomainOptions> options,
    DistrictClock clock,
    ILogger<AppealGrain> logger) : Grain, IAppealGrain, IRemindable
{
    internal const string ReminderName = "sla";

    private static readonly AppealActor SystemActor = new("system", ActorRole.System, null, ActionChannel.System);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Appeal is null)
        {
            return;
        }

        if (state.State.Counted.Counts.Years.IsEmpty)
        {
            // Stored before figures were kept per year (every appeal counts as received in some year). What it counted
            // then is what it counts now in the new shape, and the aggregators are rebuilt from the rows by the start-up
            // check, so only the shape is restored and no delta is sent; else its next change would count it twice.
            var light = Row(state.State, clock.UtcNow).Light;
            await state.WriteAsync(state.State with
            {
                Counted = state.State.Counted with { Counts = FigureRules.ForAppeal(state.State.Appeal, light, clock.UtcOffset) },
            });
        }

        await readModel.UpsertAsync(Row(state.State, clock.UtcNow));
        // A crash between the state write and the reminder registration would leave a due review unscheduled.
        if (state.State.ReviewAt is not null && await this.GetReminder(ReminderName, cancellationToken) is null)
        {
            await RegisterReviewAsync(state.State.ReviewAt.Value);
        }
    }

    public async Task<AppealReceipt> Submit(AppealIntake intake, AppealActor actor)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(actor);
        if (state.State.Appeal is not null)
        {
            throw new DomainException(ErrorCodes.AppealExists, this.GetPrimaryKeyString());
        }

        Validation.SameKey(this.GetPrimaryKeyString(), intake.Id);
        var change = lifecycle.Accept(intake, actor);
        var enterprise = await GrainFactory.GetGrain<IEnterpriseGrain>(intake.EnterpriseCreditCode).GetProfile()
            ?? throw new DomainException(ErrorCodes.EnterpriseUnknown, intake.EnterpriseCreditCode);
        var town = await GrainFactory.GetGrain<ITownGrain>(intake.TownCode).GetProfile()
            ?? throw new DomainException(ErrorCodes.TownUnknown, intake.TownCode);
        await RequireEnterpriseTownAsync(intake, enterprise);
        var accepted = change.State;
        var candidates = await queries.DuplicateCandidatesAsync(accepted.Id, accepted.EnterpriseCreditCode, accepted.Category,
            accepted.AcceptedAt, accepted.Location, options.Value.DuplicateWindowDays, options.Value.DuplicateRadiusMetres);
        var suggestions = duplicates.Suggest(
            new DuplicateCandidate(accepted.Id, accepted.EnterpriseCreditCode, accepted.Category, accepted.AcceptedAt, accepted.Location),
            candidates);
        var started = state.State with { DistrictCode = town.DistrictCode, EnterpriseName = enterprise.Name };
        await CommitAsync(started, change);
        return new AppealReceipt(state.State.Appeal!, suggestions);
    }

    public async Task<Appeal> Route(AppealActor actor, string? departmentCode)
    {
        var appeal = Require(actor);
        var department = departmentCode ?? routing.DepartmentFor(appeal.Category, appeal.TownCode);
        await RequireHandlerAsync(department);
        return await RunAsync(actor, a => lifecycle.Route(a, actor, department));
    }

    public Task<Appeal> ObjectToRouting(AppealActor actor, string reason) => RunAsync(actor, a => lifecycle.ObjectToRouting(a, actor, reason));

    public Task<Appeal> TakeOver(AppealActor actor) => RunAsync(actor, a => lifecycle.TakeOver(a, actor));

    public Task<Appeal> Reply(AppealActor actor, string text, ImmutableArray<AttachmentInfo> evidence) =>
        RunAsync(actor, a => lifecycle.Reply(a, actor, text, evidence));

    public Task<Appeal> Rate(AppealActor actor, SatisfactionRating rating, string? comment) =>
        RunAsync(actor, a => lifecycle.Rate(a, actor, rating, comment));

    public Task<Appeal> VerifyDissatisfaction(AppealActor actor, string findings, bool upheld) =>
        RunAsync(actor, a => lifecycle.VerifyDissatisfaction(a, actor, findings, upheld));

    public Task<Appeal> Revisit(AppealActor actor, SatisfactionRating result, string notes) =>
        RunAsync(actor, a => lifecycle.Revisit(a, actor, result, notes));

    public Task<Appeal> Close(AppealActor actor, string? note) => RunAsync(actor, a => lifecycle.Close(a, actor, note));

    public Task<Appeal> Supervise(AppealActor actor, string note) => RunAsync(actor, a => lifecycle.Supervise(a, actor, note));

    public async Task<Appeal> FormTaskForce(AppealActor actor, string leaderOfficialId, ImmutableArray<string> departmentCodes)
    {
        Require(actor);
        var leader = await GrainFactory.GetGrain<IOfficialGrain>(leaderOfficialId ?? string.Empty).GetProfile()
            ?? throw new DomainException(ErrorCodes.OfficialUnknown, leaderOfficialId);
        foreach (var department in departmentCodes.IsDefault ? [] : departmentCodes)
        {
            await RequireHandlerAsync(department);
        }

        return await RunAsync(actor, a => lifecycle.FormTaskForce(a, actor, leader.Id, leader.Tier, departmentCodes));
    }

    public Task<Appeal> Escalate(AppealActor actor, EscalationLevel level, string reason) =>
        RunAsync(actor, a => lifecycle.Escalate(a, actor, level, reason));

    public async Task<Appeal> LinkDuplicate(AppealActor actor, string otherAppealId)
    {
        Require(actor);
        // Checked in the read model, not by calling the other appeal, which might be linking back to this one.
        if (!string.IsNullOrWhiteSpace(otherAppealId) && !await queries.ExistsAsync(otherAppealId))
        {
            throw new DomainException(ErrorCodes.AppealUnknown, otherAppealId);
        }

        return await RunAsync(actor, a => lifecycle.LinkDuplicate(a, actor, otherAppealId));
    }

    public Task<Appeal> Review() => RunAsync(SystemActor, a => new AppealChange(a, []));

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        state.State.Appeal is null ? Task.CompletedTask : Review();

    public Task<Appeal?> Get() => Task.FromResult(state.State.Appeal);

    public Task<AppealView> GetView()
    {
        var appeal = Require();
        return Task.FromResult(new AppealView(appeal, lifecycle.LightOf(appeal, clock.UtcNow), state.State.EnterpriseName));
    }

    public Task<ImmutableArray<AppealEvent>> GetHistory() => Task.FromResult(state.State.History);

    public Task<ChainVerification> VerifyHistory()
    {
        var result = lifecycle.Verify(Require(), state.State.History);
        if (!result.IsIntact)
        {
            LogHistoryBroken(this.GetPrimaryKeyString(), result.Failure, result.FirstBrokenIndex, result.KeyId);
        }

        return Task.FromResult(result);
    }

    public Task<ImmutableArray<FakeClosureFinding>> GetFakeClosureFindings() =>
        Task.FromResult(FakeClosureDetector.Inspect(state.State.History, lifecycle.Settings.RatingWindow));

    private Appeal Require() => state.State.Appeal ?? throw new DomainException(ErrorCodes.AppealUnknown, this.GetPrimaryKeyString());

    /// <summary>The appeal as the actor saw it: checked inside this turn, so no other change can land between the check
    /// and the write.</summary>
    private Appeal Require(AppealActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var appeal = Require();
        if (actor.SeenVersion is { } seen && seen != appeal.EventCount)
        {
            throw new DomainException(ErrorCodes.AppealChanged, appeal.Id, seen, appeal.EventCount);
        }

        return appeal;
    }

    /// <summary>An appeal belongs to its enterprise's grid (网格), whose town centre watches it. The one exception is a problem
    /// raised on a key project: it is where the project is built, which may be another town's site (the project grain
    /// raises it with the project's town). The project is read from the read model: the project grain may be the caller.</summary>
    private async Task RequireEnterpriseTownAsync(AppealIntake intake, EnterpriseProfile enterprise)
    {
        if (intake.TownCode == enterprise.TownCode
            || (intake.ProjectId is { } projectId && await projects.TownOfAsync(projectId) == intake.TownCode))
        {
            return;
        }

        throw new DomainException(ErrorCodes.AppealTownMismatch, intake.TownCode, enterprise.TownCode);
    }

    /// <summary>A department, or a town centre answering its own grid's appeals.</summary>
    private async Task RequireHandlerAsync(string departmentCode)
    {
        if (string.IsNullOrWhiteSpace(departmentCode)
            || (await GrainFactory.GetGrain<IDepartmentGrain>(DepartmentKey.Of(state.State.DistrictCode ?? string.Empty, departmentCode)).GetProfile() is null
                && await GrainFactory.GetGrain<ITownGrain>(departmentCode).GetProfile() is null))
        {
            throw new DomainException(ErrorCodes.DepartmentUnknown, departmentCode);
        }
    }

    /// <summary>Runs a command and then the SLA review (escalation after rejected hand-offs or when overdue).</summary>
    private async Task<Appeal> RunAsync(AppealActor actor, Func<Appeal, AppealChange> command)
    {
        var change = command(Require(actor));
        var review = lifecycle.Review(change.State, SystemActor);
        await CommitAsync(state.State, new AppealChange(review.State, change.Events.AddRange(review.Events)));
        return state.State.Appeal!;
    }

    private async Task CommitAsync(AppealState before, AppealChange change)
    {
        var now = clock.UtcNow;
        var appeal = change.State;
        var light = lifecycle.LightOf(appeal, now);
        var counted = new CountedScope
        {
            DistrictCode = before.DistrictCode,
            TownCode = appeal.TownCode,
            DepartmentCode = appeal.DepartmentCode,
            Counts = FigureRules.ForAppeal(appeal, light, clock.UtcOffset),
        };
        var reviewAt = lifecycle.NextReviewAt(appeal, now);
        if (change.Events.IsEmpty && counted == before.Counted && reviewAt == before.ReviewAt)
        {
            return;
        }

        var next = before with { Appeal = appeal, History = before.History.AddRange(change.Events), Counted = counted, ReviewAt = reviewAt };
        await state.WriteAsync(next);
        var news = AppealNews.Of(before, next, change.Events, now);
        await AfterCommit.RunAsync(this, GrainFactory, logger, next.DistrictCode, async () =>
        {
            await readModel.UpsertAsync(Row(next, now), next.DistrictCode, news);
            await FigureDispatch.SendCountsAsync(GrainFactory, before.Counted, counted);
            await ScheduleReviewAsync(before.ReviewAt, reviewAt);
            await DistrictFeed.PublishAsync(GrainFactory, next.DistrictCode, news);
        });
    }

    private async Task ScheduleReviewAsync(DateTimeOffset? previous, DateTimeOffset? next)
    {
        if (next == previous)
        {
            return;
        }

        if (next is { } due)
        {
            await RegisterReviewAsync(due);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task RegisterReviewAsync(DateTimeOffset due)
    {
        var wait = due - clock.UtcNow;
        return this.RegisterOrUpdateReminder(ReminderName, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, options.Value.SlaReminderPeriod);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appeal {AppealId} does not verify: {Failure} at event {Index} (key {KeyId})")]
    private partial void LogHistoryBroken(string appealId, Abstractions.Integrity.IntegrityFindingKind? failure, int? index, string? keyId);

    internal static AppealRowSource Row(AppealState s, DateTimeOffset now) =>
        new(s.Appeal!, s.DistrictCode ?? string.Empty, s.EnterpriseName, s.Counted.Counts.OpenGreen > 0 ? SlaLight.Green
            : s.Counted.Counts.OpenYellow > 0 ? SlaLight.Yellow : s.Counted.Counts.OpenRed > 0 ? SlaLight.Red : null, s.Counted.Counts, now);
}
