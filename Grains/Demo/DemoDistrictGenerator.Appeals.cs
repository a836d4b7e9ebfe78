using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Appeals;
using Grains.Integrity;
using Grains.Sla;

namespace Grains.Demo;

/// <summary>
/// A year of appeals, each played through the real <see cref="AppealLifecycle"/> on a stepping clock, so every
/// generated state and history is one the rules allow, hashes included. Steps that would fall after "now" are not
/// taken: those appeals are open now, and some of them yellow or red.
/// </summary>
public sealed partial class DemoDistrictGenerator
{
    private static readonly AppealActor Dispatcher = new("demo-dispatcher", ActorRole.Dispatcher, "centre", ActionChannel.Workbench);
    private static readonly AppealActor SystemActor = new("system", ActorRole.System, null, ActionChannel.System);
    private static readonly double[] ChannelWeights = [30, 30, 15, 20, 5];
    private static readonly double[] TopicWeights = [.. DemoVocabulary.AppealTopics.Select(t => t.Weight)];

    /// <summary>The appeals of the past year, oldest index first (not ordered by time), sealed with a published key that no
    /// deployment verifies: for looking at the data. The demo loader seals them with the deployment's key.</summary>
    public IEnumerable<DemoAppeal> Appeals() => Appeals(IntegrityKeyRing.Unconfigured);

    /// <summary>The appeals of the past year, their histories sealed with <paramref name="keys"/>.</summary>
    internal IEnumerable<DemoAppeal> Appeals(IntegrityKeyRing keys)
    {
        var clock = new SteppingClock(Now);
        var calendar = new WorkingCalendar(WorkingCalendarSettings.China);
        var lifecycle = new AppealLifecycle(AppealSettings.Default, new SlaPolicy(SlaSettings.Default, calendar), clock, keys);
        // Towns answer the 兜底 appeals of their own grid; everything else goes to the category's lead department.
        var routing = RoutingTable.FromCategories(SlaSettings.Default, Towns.Select(t => new RoutingRule("fallback", t.Code, t.Code)));
        for (var i = 0; i < Sizes.AppealsPerYear; i++)
        {
            yield return AppealAt(i, clock, lifecycle, routing);
        }
    }

    private DemoAppeal AppealAt(int index, SteppingClock clock, AppealLifecycle lifecycle, RoutingTable routing)
    {
        var rng = DemoRandom.For(_seed, "appeal", Key(index));
        var enterprise = EnterpriseAt(rng.Next(Sizes.Enterprises));
        var topic = DemoVocabulary.AppealTopics[rng.Weighted(TopicWeights)];
        var channel = (AppealChannel)rng.Weighted(ChannelWeights);
        var priority = topic.Category == "safety" && rng.Chance(0.3) ? AppealPriority.Critical
            : (AppealPriority)rng.Weighted([85, 12, 3]);
        // A few percent start in the last three weeks so that some open appeals are near or past their deadline.
        var age = TimeSpan.FromDays(rng.Chance(0.05) ? rng.Between(0, 21) : rng.Between(0, 365));
        var day = DateOnly.FromDateTime((Now - age).DateTime);
        var acceptedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Now.Offset).AddMinutes(rng.Next(0, 600));
        if (acceptedAt > Now)
        {
            acceptedAt = Now.AddMinutes(-rng.Next(1, 600));
        }

        clock.Set(acceptedAt);
        var fill = topic.Fill[rng.Next(topic.Fill.Length)];
        var text = string.Format(CultureInfo.InvariantCulture, topic.Template, fill);
        GeoPoint? location = rng.Chance(0.4) && enterprise.Location is { } at
            ? new GeoPoint(Round(at.Latitude + rng.Between(-0.0002, 0.0002)), Round(at.Longitude + rng.Between(-0.0002, 0.0002)))
            : null;
        var intake = new AppealIntake(
            string.Create(CultureInfo.InvariantCulture, $"{District.Code}-a{index:D6}"),
            enterprise.CreditCode, enterprise.TownCode, channel, topic.Category, priority, fill, text)
        {
            Location = location,
        };
        var history = ImmutableArray.CreateBuilder<AppealEvent>();
        var appeal = Apply(lifecycle.Accept(intake, IntakeActor(channel, enterprise.CreditCode)), history);
        Play(ref appeal, ref rng, clock, lifecycle, routing, history);
        if (appeal.Status is AppealStatus.Accepted or AppealStatus.Routed or AppealStatus.InProgress)
        {
            clock.Set(Now);
            appeal = Apply(lifecycle.Review(appeal, SystemActor), history);
        }

        return new DemoAppeal(appeal, history.ToImmutable());
    }

    private void Play(ref Appeal appeal, ref DemoRandom rng, SteppingClock clock, AppealLifecycle lifecycle, RoutingTable routing, ImmutableArray<AppealEvent>.Builder history)
    {
        var department = routing.DepartmentFor(appeal.Category, appeal.TownCode);
        if (!clock.Advance(TimeSpan.FromHours(rng.Between(0.2, 4)), Now))
        {
            return;
        }

        appeal = Apply(lifecycle.Route(appeal, Dispatcher, department), history);
        if (rng.Chance(0.07))
        {
            if (!clock.Advance(TimeSpan.FromHours(rng.Between(0.5, 6)), Now))
            {
                return;
            }

            appeal = Apply(lifecycle.ObjectToRouting(appeal, Handler(department), "经研判不属于本单位职责，请重新分流"), history);
            if (!clock.Advance(TimeSpan.FromHours(rng.Between(0.5, 3)), Now))
            {
                return;
            }

            department = department == DepartmentCodes.BusinessEnvironment ? DepartmentCodes.DevelopmentReform : DepartmentCodes.BusinessEnvironment;
            appeal = Apply(lifecycle.Route(appeal, Dispatcher, department), history);
        }

        if (!clock.Advance(TimeSpan.FromHours(rng.Between(0.5, 8)), Now))
        {
            return;
        }

        if (appeal.Category is "project" or "rule-of-law" && rng.Chance(0.08))
        {
            var partner = department == DepartmentCodes.Justice ? "natural-resources" : DepartmentCodes.Justice;
            var leader = new AppealActor(OfficialId(rng.Next(_leaders)), ActorRole.DistrictLeader, "district", ActionChannel.Workbench);
            appeal = Apply(lifecycle.FormTaskForce(appeal, Dispatcher, leader.Id, OfficialTier.DistrictLeader, [department, partner]), history);
        }
        else
        {
            appeal = Apply(lifecycle.TakeOver(appeal, Handler(department)), history);
        }

        // A few recent appeals are left untouched, to show red lights and escalation on the wall.
        if (Now - appeal.AcceptedAt < TimeSpan.FromDays(30) && rng.Chance(0.05))
        {
            return;
        }

        if (!ReplyInTime(ref appeal, ref rng, clock, lifecycle, department, history))
        {
            return;
        }

        if (rng.Chance(0.78))
        {
            if (!clock.Advance(TimeSpan.FromHours(rng.Between(2, 60)), Now))
            {
                return;
            }

            var rating = (SatisfactionRating)rng.Weighted([90, 7, 3]);
            var enterprise = new AppealActor(appeal.EnterpriseCreditCode, ActorRole.Enterprise, appeal.EnterpriseCreditCode, ActionChannel.Online);
            appeal = Apply(lifecycle.Rate(appeal, enterprise, rating, rating == SatisfactionRating.Dissatisfied ? "问题未实际解决" : null), history);
            if (rating == SatisfactionRating.Dissatisfied && !Rework(ref appeal, ref rng, clock, lifecycle, department, history))
            {
                return;
            }

            if (clock.Advance(TimeSpan.FromHours(rng.Between(1, 24)), Now))
            {
                appeal = Apply(lifecycle.Close(appeal, Dispatcher, "办结销号"), history);
            }

            return;
        }

        // Unrated: normally closed after the rating period; a few are closed at once (what fake-closure detection finds).
        var wait = rng.Chance(0.03) ? TimeSpan.FromHours(rng.Between(1, 10)) : AppealSettings.Default.RatingWindow + TimeSpan.FromHours(rng.Between(1, 24));
        if (clock.Advance(wait, Now))
        {
            appeal = Apply(lifecycle.Close(appeal, Dispatcher, "超期未评价，默认办结"), history);
        }
    }

    private bool ReplyInTime(ref Appeal appeal, ref DemoRandom rng, SteppingClock clock, AppealLifecycle lifecycle, string department, ImmutableArray<AppealEvent>.Builder history)
    {
        var calendar = lifecycle.Sla.Calendar;
        var allowed = calendar.WorkingTimeBetween(appeal.DeadlineFrom, appeal.Deadline);
        var share = rng.Chance(0.9) ? rng.Between(0.15, 0.95) : rng.Between(1.02, 1.8);
        var replyAt = calendar.AddWorkingTime(appeal.DeadlineFrom, TimeSpan.FromTicks((long)(allowed.Ticks * share)));
        if (replyAt <= clock.GetUtcNow())
        {
            replyAt = clock.GetUtcNow().AddMinutes(30);
        }

        if (rng.Chance(0.1))
        {
            var midway = clock.GetUtcNow() + ((replyAt - clock.GetUtcNow()) / 2);
            if (!clock.AdvanceTo(midway, Now))
            {
                return false;
            }

            appeal = Apply(lifecycle.Supervise(appeal, Dispatcher, "请加快办理进度"), history);
        }

        if (!clock.AdvanceTo(replyAt, Now))
        {
            return false;
        }

        appeal = Apply(lifecycle.Review(appeal, SystemActor), history);
        var evidence = ImmutableArray.Create(new AttachmentInfo(
            "办理情况说明.pdf", "application/pdf", 20_000 + rng.Next(200_000), rng.NextUInt64().ToString("x16", CultureInfo.InvariantCulture).PadLeft(64, '0')));
        appeal = Apply(lifecycle.Reply(appeal, Handler(department), "已联系企业并协调办理，具体情况见附件", evidence), history);
        return true;
    }

    private bool Rework(ref Appeal appeal, ref DemoRandom rng, SteppingClock clock, AppealLifecycle lifecycle, string department, ImmutableArray<AppealEvent>.Builder history)
    {
        if (!clock.Advance(TimeSpan.FromHours(rng.Between(4, 24)), Now))
        {
            return false;
        }

        var upheld = rng.Chance(0.7);
        appeal = Apply(lifecycle.VerifyDissatisfaction(appeal, Dispatcher, upheld ? "核实属实，责令整改" : "经核实已按政策办理，向企业解释说明", upheld), history);
        if (upheld && !ReplyInTime(ref appeal, ref rng, clock, lifecycle, department, history))
        {
            return false;
        }

        if (!clock.Advance(TimeSpan.FromHours(rng.Between(12, 48)), Now))
        {
            return false;
        }

        var result = rng.Chance(0.85) ? SatisfactionRating.Satisfied : SatisfactionRating.BasicallySatisfied;
        appeal = Apply(lifecycle.Revisit(appeal, Dispatcher, result, "电话回访，企业认可整改结果"), history);
        return true;
    }

    private static Appeal Apply(AppealChange change, ImmutableArray<AppealEvent>.Builder history)
    {
        history.AddRange(change.Events);
        return change.State;
    }

    private AppealActor Handler(string department)
    {
        // Town centres handle the 兜底 appeals of their grid in the demo; everyone else is a department handler.
        return new AppealActor(string.Create(CultureInfo.InvariantCulture, $"{District.Code}-handler-{department}"), ActorRole.DepartmentHandler, department, ActionChannel.Workbench);
    }

    private static AppealActor IntakeActor(AppealChannel channel, string creditCode) => channel switch
    {
        AppealChannel.Online => new AppealActor(creditCode, ActorRole.Enterprise, creditCode, ActionChannel.Online),
        AppealChannel.OfficialVisit => new AppealActor("demo-official", ActorRole.PackageOfficial, null, ActionChannel.OfficialVisit),
        AppealChannel.ServiceWindow => new AppealActor("demo-window", ActorRole.TownCentre, null, ActionChannel.ServiceWindow),
        AppealChannel.RemoteVideo => new AppealActor("demo-video-desk", ActorRole.Dispatcher, "centre", ActionChannel.RemoteVideo),
        _ => new AppealActor("demo-12345", ActorRole.Dispatcher, "centre", ActionChannel.Hotline12345),
    };

    /// <summary>A clock the generator moves forward step by step; a step past "now" is refused and not taken.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

        public void Set(DateTimeOffset instant) => _now = instant;

        public bool Advance(TimeSpan by, DateTimeOffset limit) => AdvanceTo(_now + by, limit);

        public bool AdvanceTo(DateTimeOffset instant, DateTimeOffset limit)
        {
            if (instant > limit)
            {
                return false;
            }

            _now = instant > _now ? instant : _now;
            return true;
        }
    }
}
