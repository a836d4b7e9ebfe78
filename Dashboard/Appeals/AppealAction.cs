using Grains.Abstractions.Appeals;

namespace Dashboard.Appeals;

/// <summary>The workbench's actions on one appeal; each is one POST form on the appeal page.</summary>
public enum AppealAction
{
    Route,
    ObjectToRouting,
    TakeOver,
    Reply,
    Supervise,
    Escalate,
    FormTaskForce,
    Close,
    VerifyDissatisfaction,
    Revisit,
    LinkDuplicate,
}

internal static class AppealActionEvents
{
    /// <summary>The history entry the action appends, to recognise a form posted twice (the second post finds its own entry).</summary>
    public static AppealEventKind EventKind(this AppealAction action) => action switch
    {
        AppealAction.Route => AppealEventKind.Routed,
        AppealAction.ObjectToRouting => AppealEventKind.RoutingObjected,
        AppealAction.TakeOver => AppealEventKind.TakenOver,
        AppealAction.Reply => AppealEventKind.Replied,
        AppealAction.Supervise => AppealEventKind.Supervised,
        AppealAction.Escalate => AppealEventKind.Escalated,
        AppealAction.FormTaskForce => AppealEventKind.TaskForceFormed,
        AppealAction.Close => AppealEventKind.Closed,
        AppealAction.VerifyDissatisfaction => AppealEventKind.DissatisfactionVerified,
        AppealAction.Revisit => AppealEventKind.Revisited,
        AppealAction.LinkDuplicate => AppealEventKind.DuplicateLinked,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
