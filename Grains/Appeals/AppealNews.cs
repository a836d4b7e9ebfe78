using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;

namespace Grains.Appeals;

/// <summary>What an appeal's change tells the district's live channel: one event per step of the closed loop (签收 and 反馈
/// included), the light turning red, and for any other change one <see cref="DistrictEventKind.AppealChanged"/>, so that an
/// open page of the appeal always learns its new version.</summary>
internal static class AppealNews
{
    public static ImmutableArray<DistrictEvent> Of(AppealState before, AppealState next, ImmutableArray<AppealEvent> events, DateTimeOffset now)
    {
        var appeal = next.Appeal!;
        var news = ImmutableArray.CreateBuilder<DistrictEvent>();
        DistrictEvent Make(DistrictEventKind kind, AppealEvent? cause) =>
            new(kind, cause?.At ?? now, appeal.TownCode, appeal.Id, next.EnterpriseName, appeal.Location)
            {
                SubjectVersion = cause is null ? appeal.EventCount : cause.Sequence + 1,
                ActorRole = cause?.ActorRole,
                Unit = cause is null ? null : cause.Kind == AppealEventKind.Routed ? appeal.DepartmentCode : UnitOf(cause.ActorRole, appeal),
                Category = appeal.Category,
            };

        foreach (var e in events)
        {
            news.Add(Make(KindOf(e), e));
        }

        if (before.Counted.Counts.OpenRed == 0 && next.Counted.Counts.OpenRed > 0)
        {
            news.Add(Make(DistrictEventKind.AppealTurnedRed, null));
        }

        return news.ToImmutable();
    }

    private static DistrictEventKind KindOf(AppealEvent e) => e.Kind switch
    {
        AppealEventKind.Accepted => DistrictEventKind.AppealReceived,
        AppealEventKind.Routed => DistrictEventKind.AppealRouted,
        AppealEventKind.RoutingObjected => DistrictEventKind.AppealObjected,
        AppealEventKind.TakenOver => DistrictEventKind.AppealSigned,
        AppealEventKind.Replied => DistrictEventKind.AppealReplied,
        AppealEventKind.Rated => DistrictEventKind.AppealRated,
        AppealEventKind.DissatisfactionVerified when e.Field("upheld") == bool.TrueString => DistrictEventKind.AppealReopened,
        AppealEventKind.Revisited => DistrictEventKind.AppealRevisited,
        AppealEventKind.Closed => DistrictEventKind.AppealClosed,
        AppealEventKind.Supervised => DistrictEventKind.AppealSupervised,
        AppealEventKind.TaskForceFormed => DistrictEventKind.AppealTaskForce,
        AppealEventKind.Escalated => DistrictEventKind.AppealEscalated,
        _ => DistrictEventKind.AppealChanged,
    };

    /// <summary>The unit that acted, for the feed's "who": the department or town that handles it; null for the centre,
    /// the enterprise (its name is the event's title) and the system. A routing names the department it went to.</summary>
    private static string? UnitOf(ActorRole role, Appeal appeal) => role switch
    {
        ActorRole.DepartmentHandler => appeal.DepartmentCode,
        ActorRole.TownCentre => appeal.TownCode,
        _ => null,
    };
}
