using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Common;
using Grains.Enterprises;
using Grains.Integrity;
using Grains.Sla;

namespace Grains.Appeals;

/// <summary>
/// The appeal closed loop (受理 → 分流 → 办理 → 反馈 → 评价 → 销号, with 差评核实整改, 回访, 督办 and 专班) as pure
/// functions over an immutable <see cref="Appeal"/>. A refused command throws <see cref="DomainException"/> before
/// anything is built, so the caller's state and history stay exactly as they were.
/// </summary>
internal sealed class AppealLifecycle(AppealSettings settings, SlaPolicy sla, TimeProvider clock, IntegrityKeyRing keys)
{
    private static readonly ActorRole[] CentreRoles = [ActorRole.Dispatcher, ActorRole.System];

    public AppealSettings Settings { get; } = settings;

    public SlaPolicy Sla { get; } = sla;

    /// <summary>The keys new events are sealed with and histories verified by.</summary>
    public IntegrityKeyRing Keys { get; } = keys;

    /// <summary>受理: records a new appeal and its deadline.</summary>
    public AppealChange Accept(AppealIntake intake, AppealActor actor)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == ActorRole.DepartmentHandler)
        {
            throw NotAllowed(actor, "Accept");
        }

        if (string.IsNullOrWhiteSpace(intake.Id))
        {
            throw new DomainException(ErrorCodes.TextEmpty, "id");
        }

        UnifiedSocialCreditCode.Validate(intake.EnterpriseCreditCode);
        if (string.IsNullOrWhiteSpace(intake.TownCode))
        {
            throw new DomainException(ErrorCodes.TownUnknown, intake.TownCode);
        }

        var title = TextRules.Require(intake.Title, "field.title", Settings.MaxTitleLength);
        var text = TextRules.Require(intake.Text, "field.text", Settings.MaxTextLength);
        CheckAttachments(intake.Attachments);
        if (intake.Location is { IsValid: false } location)
        {
            throw new DomainException(ErrorCodes.CoordinateInvalid, location.Latitude, location.Longitude);
        }

        var now = Now();
        var deadline = Sla.DeadlineAtIntake(intake.Category, intake.Priority, now, intake.RequestedDeadline);
        var appeal = new Appeal(intake.Id, intake.EnterpriseCreditCode, intake.TownCode, intake.Channel, intake.Category,
            intake.Priority, title, text, now, deadline)
        {
            Attachments = intake.Attachments,
            Location = intake.Location,
            ProjectId = intake.ProjectId,
        };

        var payload = new List<PayloadField>
        {
            new("enterprise", intake.EnterpriseCreditCode),
            new("town", intake.TownCode),
            new("channel", intake.Channel.ToString()),
            new("category", intake.Category),
            new("priority", intake.Priority.ToString()),
            new("title", title),
            new("text", text),
            new("deadline", Stamp(deadline)),
        };
        AddAttachments(payload, "attachment", intake.Attachments);
        if (intake.Location is { } point)
        {
            payload.Add(new("location", string.Create(CultureInfo.InvariantCulture, $"{point.Latitude:R},{point.Longitude:R}")));
        }

        if (intake.ProjectId is { } project)
        {
            payload.Add(new("project", project));
        }

        return Commit(null, appeal, actor, AppealEventKind.Accepted, now, [.. payload]);
    }

    /// <summary>分流: sends the appeal to a department, which may object until the objection period ends.</summary>
    public AppealChange Route(Appeal appeal, AppealActor actor, string departmentCode)
    {
        Guard(appeal, actor, "Route", [ActorRole.Dispatcher, ActorRole.TownCentre, ActorRole.System], AppealStatus.Accepted);
        if (string.IsNullOrWhiteSpace(departmentCode))
        {
            throw new DomainException(ErrorCodes.DepartmentUnknown, departmentCode);
        }

        var now = Now();
        var objectionDeadline = Sla.Calendar.AddWorkingTime(now, Settings.ObjectionWorkingTime);
        var next = appeal with
        {
            Status = AppealStatus.Routed,
            DepartmentCode = departmentCode,
            RoutedAt = now,
            ObjectionDeadline = objectionDeadline,
            Level = Max(appeal.Level, EscalationLevel.Department),
        };
        return Commit(appeal, next, actor, AppealEventKind.Routed, now,
            new("department", departmentCode), new("objection-deadline", Stamp(objectionDeadline)));
    }

    /// <summary>分流异议: the department says the appeal is not theirs; it goes back to the centre and counts as a rejected hand-off.</summary>
    public AppealChange ObjectToRouting(Appeal appeal, AppealActor actor, string reason)
    {
        Guard(appeal, actor, "ObjectToRouting", [ActorRole.DepartmentHandler], AppealStatus.Routed);
        RequireOwnDepartment(appeal, actor);
        var now = Now();
        if (appeal.ObjectionDeadline is { } until && now >= until)
        {
            throw new DomainException(ErrorCodes.AppealRoutingBinding, Stamp(until));
        }

        var text = TextRules.Require(reason, "field.reason", Settings.MaxTextLength);
        var next = appeal with
        {
            Status = AppealStatus.Accepted,
            DepartmentCode = null,
            ObjectionDeadline = null,
            RejectedHandOffs = appeal.RejectedHandOffs + 1,
        };
        return Commit(appeal, next, actor, AppealEventKind.RoutingObjected, now,
            new("department", appeal.DepartmentCode ?? string.Empty), new("reason", text),
            new("rejected-hand-offs", next.RejectedHandOffs.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>签收办理: the department takes the appeal over; from here the routing is binding.</summary>
    public AppealChange TakeOver(Appeal appeal, AppealActor actor)
    {
        Guard(appeal, actor, "TakeOver", [ActorRole.DepartmentHandler], AppealStatus.Routed);
        RequireOwnDepartment(appeal, actor);
        var now = Now();
        return Commit(appeal, appeal with { Status = AppealStatus.InProgress, ObjectionDeadline = now < appeal.ObjectionDeadline ? now : appeal.ObjectionDeadline },
            actor, AppealEventKind.TakenOver, now, new PayloadField("department", appeal.DepartmentCode ?? string.Empty));
    }

    /// <summary>反馈: the department (or task force) replies with evidence of what was done.</summary>
    public AppealChange Reply(Appeal appeal, AppealActor actor, string text, ImmutableArray<AttachmentInfo> evidence)
    {
        Guard(appeal, actor, "Reply", [ActorRole.DepartmentHandler, ActorRole.DistrictLeader, ActorRole.TownCentre], AppealStatus.InProgress);
        var inTaskForce = appeal.TaskForce is { } force
            && (force.LeaderOfficialId == actor.Id || (actor.Unit is { } unit && force.DepartmentCodes.Contains(unit)));
        if (!inTaskForce)
        {
            RequireOwnDepartment(appeal, actor);
        }

        var reply = TextRules.Require(text, "field.reply", Settings.MaxTextLength);
        if (evidence.IsDefaultOrEmpty)
        {
            throw new DomainException(ErrorCodes.AppealEvidenceMissing);
        }

        CheckAttachments(evidence);
        var now = Now();
        var next = appeal with
        {
            Status = AppealStatus.Replied,
            ReplyCount = appeal.ReplyCount + 1,
            FirstReplyAt = appeal.FirstReplyAt ?? now,
            LastReplyAt = now,
            LastReplyText = reply,
            LastEvidence = evidence,
        };
        var payload = new List<PayloadField> { new("reply", reply), new("on-time", (now <= appeal.Deadline).ToString()) };
        AddAttachments(payload, "evidence", evidence);
        return Commit(appeal, next, actor, AppealEventKind.Replied, now, [.. payload]);
    }

    /// <summary>评价: the enterprise rates the reply once; 不满意 sends it to verification.</summary>
    public AppealChange Rate(Appeal appeal, AppealActor actor, SatisfactionRating rating, string? comment)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        ArgumentNullException.ThrowIfNull(actor);
        if (appeal.Rating is not null)
        {
            throw new DomainException(ErrorCodes.AppealAlreadyRated);
        }

        if (appeal.Status == AppealStatus.Closed)
        {
            throw new DomainException(ErrorCodes.AppealClosed);
        }

        if (actor.Role != ActorRole.Enterprise)
        {
            throw NotAllowed(actor, "Rate");
        }

        if (appeal.ReplyCount == 0)
        {
            throw new DomainException(ErrorCodes.AppealNotReplied);
        }

        if (appeal.Status != AppealStatus.Replied || appeal.ReworkRound > 0)
        {
            throw Invalid(appeal, "Rate");
        }

        var note = TextRules.Optional(comment, "field.comment", Settings.MaxTextLength);
        var now = Now();
        var next = appeal with
        {
            Status = rating == SatisfactionRating.Dissatisfied ? AppealStatus.AwaitingVerification : AppealStatus.Rated,
            Rating = rating,
            RatedAt = now,
        };
        return Commit(appeal, next, actor, AppealEventKind.Rated, now, Fields(("rating", rating.ToString()), ("comment", note)));
    }

    /// <summary>差评核实: the centre checks a bad rating; when upheld the work is reopened with a fresh deadline (整改), otherwise it goes to the revisit.</summary>
    public AppealChange VerifyDissatisfaction(Appeal appeal, AppealActor actor, string findings, bool upheld)
    {
        Guard(appeal, actor, "VerifyDissatisfaction", CentreRoles, AppealStatus.AwaitingVerification);
        var text = TextRules.Require(findings, "field.findings", Settings.MaxTextLength);
        var now = Now();
        var next = upheld
            ? appeal with
            {
                Status = AppealStatus.InProgress,
                ReworkRound = appeal.ReworkRound + 1,
                DeadlineFrom = now,
                Deadline = Sla.DeadlineFor(appeal.Category, appeal.Priority, now),
            }
            : appeal with { Status = AppealStatus.AwaitingRevisit };
        return Commit(appeal, next, actor, AppealEventKind.DissatisfactionVerified, now,
            Fields(("findings", text), ("upheld", upheld.ToString()), ("deadline", upheld ? Stamp(next.Deadline) : null)));
    }

    /// <summary>回访: after rework or a rejected complaint, the centre asks the enterprise again and records the result.</summary>
    public AppealChange Revisit(Appeal appeal, AppealActor actor, SatisfactionRating result, string notes)
    {
        Guard(appeal, actor, "Revisit", [ActorRole.Dispatcher, ActorRole.TownCentre, ActorRole.PackageOfficial],
            AppealStatus.AwaitingRevisit, AppealStatus.Replied);
        if (appeal.Status == AppealStatus.Replied && appeal.ReworkRound == 0)
        {
            throw Invalid(appeal, "Revisit");
        }

        var text = TextRules.Require(notes, "field.note", Settings.MaxTextLength);
        var now = Now();
        var next = appeal with
        {
            Status = result == SatisfactionRating.Dissatisfied ? AppealStatus.AwaitingVerification : AppealStatus.Rated,
            RevisitRating = result,
            RevisitedAt = now,
        };
        return Commit(appeal, next, actor, AppealEventKind.Revisited, now, new("result", result.ToString()), new("notes", text));
    }

    /// <summary>销号: closes a replied appeal once it is rated satisfied, or left unrated by the enterprise.</summary>
    public AppealChange Close(Appeal appeal, AppealActor actor, string? note)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        ArgumentNullException.ThrowIfNull(actor);
        if (appeal.Status == AppealStatus.Closed)
        {
            throw new DomainException(ErrorCodes.AppealClosed);
        }

        if (!CentreRoles.Contains(actor.Role))
        {
            throw NotAllowed(actor, "Close");
        }

        if (appeal.ReplyCount == 0)
        {
            throw new DomainException(ErrorCodes.AppealNotReplied);
        }

        var closable = appeal.Status == AppealStatus.Rated
            || (appeal.Status == AppealStatus.Replied && appeal.ReworkRound == 0);
        if (!closable)
        {
            throw Invalid(appeal, "Close");
        }

        var text = TextRules.Optional(note, "field.note", Settings.MaxTextLength);
        var now = Now();
        return Commit(appeal, appeal with { Status = AppealStatus.Closed, ClosedAt = now }, actor, AppealEventKind.Closed, now,
            Fields(("note", text), ("rating", appeal.EffectiveRating?.ToString())));
    }

    /// <summary>督办: the centre or a district leader presses for progress; possible at any point before closing.</summary>
    public AppealChange Supervise(Appeal appeal, AppealActor actor, string note)
    {
        Guard(appeal, actor, "Supervise", [ActorRole.Dispatcher, ActorRole.DistrictLeader, ActorRole.System]);
        var text = TextRules.Require(note, "field.note", Settings.MaxTextLength);
        var now = Now();
        var next = appeal with { SupervisionCount = appeal.SupervisionCount + 1 };
        return Commit(appeal, next, actor, AppealEventKind.Supervised, now,
            new("note", text), new("count", next.SupervisionCount.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>成立专班: a cross-department problem goes to a task force led by a district leader, point to point.</summary>
    public AppealChange FormTaskForce(Appeal appeal, AppealActor actor, string leaderOfficialId, OfficialTier leaderTier, ImmutableArray<string> departmentCodes)
    {
        Guard(appeal, actor, "FormTaskForce", [ActorRole.Dispatcher, ActorRole.DistrictLeader],
            AppealStatus.Accepted, AppealStatus.Routed, AppealStatus.InProgress);
        if (leaderTier != OfficialTier.DistrictLeader || string.IsNullOrWhiteSpace(leaderOfficialId))
        {
            throw new DomainException(ErrorCodes.AppealTaskForceLeader);
        }

        var departments = departmentCodes.IsDefault
            ? []
            : departmentCodes.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (departments.Length < 2)
        {
            throw new DomainException(ErrorCodes.AppealTaskForceDepartments);
        }

        var now = Now();
        var next = appeal with
        {
            Status = AppealStatus.InProgress,
            TaskForce = new TaskForce(leaderOfficialId, departments, now),
            DepartmentCode = departments[0],
            ObjectionDeadline = null,
            Level = EscalationLevel.DistrictLeader,
        };
        return Commit(appeal, next, actor, AppealEventKind.TaskForceFormed, now,
            new("leader", leaderOfficialId), new("departments", string.Join(',', departments)));
    }

    /// <summary>升级: moves the appeal up to a higher response level, by hand or by the reminder.</summary>
    public AppealChange Escalate(Appeal appeal, AppealActor actor, EscalationLevel level, string reason)
    {
        Guard(appeal, actor, "Escalate", [ActorRole.Dispatcher, ActorRole.DistrictLeader, ActorRole.System]);
        if (level <= appeal.Level)
        {
            throw new DomainException(ErrorCodes.AppealEscalationNotHigher, appeal.Level);
        }

        var text = TextRules.Require(reason, "field.reason", Settings.MaxTextLength);
        var now = Now();
        return Commit(appeal, appeal with { Level = level }, actor, AppealEventKind.Escalated, now,
            new("from", appeal.Level.ToString()), new("to", level.ToString()), new("reason", text));
    }

    /// <summary>
    /// What the reminder runs: escalates when the SLA policy says the appeal belongs higher (red, long overdue, or two
    /// rejected hand-offs). Returns no events when nothing is due, so it is safe to run again after a restart.
    /// </summary>
    public AppealChange Review(Appeal appeal, AppealActor systemActor)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        if (!IsBeingWorked(appeal.Status))
        {
            return new AppealChange(appeal, []);
        }

        var now = Now();
        // Once a department has been involved (even one that objected) the department level is the floor.
        var baseLevel = appeal.DepartmentCode is null && appeal.RejectedHandOffs == 0
            ? EscalationLevel.TownOrStation
            : EscalationLevel.Department;
        var target = Sla.LevelFor(baseLevel, appeal.Deadline, now, appeal.RejectedHandOffs);
        if (target <= appeal.Level)
        {
            return new AppealChange(appeal, []);
        }

        var reason = now >= appeal.Deadline ? "overdue" : "rejected-hand-offs";
        return Escalate(appeal, systemActor, target, reason);
    }

    /// <summary>Links a likely duplicate suggested at intake, so both are handled together.</summary>
    public AppealChange LinkDuplicate(Appeal appeal, AppealActor actor, string otherAppealId)
    {
        Guard(appeal, actor, "LinkDuplicate", [ActorRole.Dispatcher, ActorRole.TownCentre, ActorRole.System]);
        if (string.IsNullOrWhiteSpace(otherAppealId) || otherAppealId == appeal.Id)
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, "duplicate", otherAppealId);
        }

        if (appeal.LinkedAppeals.Contains(otherAppealId))
        {
            return new AppealChange(appeal, []);
        }

        var now = Now();
        return Commit(appeal, appeal with { LinkedAppeals = appeal.LinkedAppeals.Add(otherAppealId) }, actor,
            AppealEventKind.DuplicateLinked, now, new PayloadField("appeal", otherAppealId));
    }

    /// <summary>The light on the wall: computed from the deadline while the appeal is worked; after a reply it shows whether the reply was on time; none once closed.</summary>
    public SlaLight? LightOf(Appeal appeal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        if (appeal.Status == AppealStatus.Closed)
        {
            return null;
        }

        if (IsBeingWorked(appeal.Status))
        {
            return Sla.LightAt(appeal.DeadlineFrom, appeal.Deadline, now);
        }

        return appeal.LastReplyAt <= appeal.Deadline ? SlaLight.Green : SlaLight.Red;
    }

    /// <summary>When the reminder should next look at the appeal, or null when no light or level change is pending.</summary>
    public DateTimeOffset? NextReviewAt(Appeal appeal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        return IsBeingWorked(appeal.Status) ? Sla.NextReviewAt(appeal.DeadlineFrom, appeal.Deadline, now, appeal.Level) : null;
    }

    /// <summary>Checks a stored record and its history with this deployment's keys.</summary>
    public ChainVerification Verify(Appeal? appeal, IReadOnlyList<AppealEvent> history) => AppealHashChain.Verify(Keys, history, appeal);

    private static bool IsBeingWorked(AppealStatus status) =>
        status is AppealStatus.Accepted or AppealStatus.Routed or AppealStatus.InProgress;

    private static EscalationLevel Max(EscalationLevel a, EscalationLevel b) => a > b ? a : b;

    private static void Guard(Appeal appeal, AppealActor actor, string command, ActorRole[] roles, params AppealStatus[] statuses)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        ArgumentNullException.ThrowIfNull(actor);
        if (appeal.Status == AppealStatus.Closed)
        {
            throw new DomainException(ErrorCodes.AppealClosed);
        }

        if (!roles.Contains(actor.Role))
        {
            throw NotAllowed(actor, command);
        }

        if (statuses.Length > 0 && !statuses.Contains(appeal.Status))
        {
            throw Invalid(appeal, command);
        }
    }

    private static void RequireOwnDepartment(Appeal appeal, AppealActor actor)
    {
        if (actor.Unit is null || actor.Unit != appeal.DepartmentCode)
        {
            throw new DomainException(ErrorCodes.AppealWrongDepartment, actor.Unit ?? string.Empty);
        }
    }

    private static DomainException NotAllowed(AppealActor actor, string command) =>
        new(ErrorCodes.AppealActorNotAllowed, actor.Role, command);

    private static DomainException Invalid(Appeal appeal, string command) =>
        new(ErrorCodes.AppealTransitionInvalid, appeal.Status, command);

    private void CheckAttachments(ImmutableArray<AttachmentInfo> attachments)
    {
        if (!attachments.IsDefault && attachments.Length > Settings.MaxAttachments)
        {
            throw new DomainException(ErrorCodes.AppealTooManyAttachments, Settings.MaxAttachments);
        }
    }

    private static void AddAttachments(List<PayloadField> payload, string prefix, ImmutableArray<AttachmentInfo> attachments)
    {
        if (attachments.IsDefault)
        {
            return;
        }

        for (var i = 0; i < attachments.Length; i++)
        {
            var a = attachments[i];
            payload.Add(new(string.Create(CultureInfo.InvariantCulture, $"{prefix}.{i:D2}"),
                string.Create(CultureInfo.InvariantCulture, $"{a.Name}|{a.ContentType}|{a.SizeBytes}|{a.Sha256}")));
        }
    }

    private static PayloadField[] Fields(params (string Name, string? Value)[] fields) =>
        [.. fields.Where(f => f.Value is not null).Select(f => new PayloadField(f.Name, f.Value!))];

    private DateTimeOffset Now() => clock.GetUtcNow().ToOffset(Sla.Calendar.UtcOffset);

    private static string Stamp(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Seals the event with the hashes of the record it was applied to and of the record it leaves (whose event count
    /// and head are not part of that hash), so the history vouches for the record as well as for itself.</summary>
    private AppealChange Commit(Appeal? before, Appeal next, AppealActor actor, AppealEventKind kind, DateTimeOffset at, params PayloadField[] payload)
    {
        var prior = before is null ? null : AppealStateHash.Of(before);
        var sealedEvent = AppealHashChain.Seal(Keys, next.EventCount, next.Id, kind, actor, at, [.. payload], next.HeadHash, prior, AppealStateHash.Of(next));
        return new AppealChange(next with { EventCount = next.EventCount + 1, HeadHash = sealedEvent.Hash }, [sealedEvent]);
    }
}
