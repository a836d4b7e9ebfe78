using Grains.Abstractions.Appeals;

namespace Dashboard.Appeals;

/// <summary>The four sheets (四张清单, Jiulongpo): which history entries each one lists.</summary>
internal static class AppealSheets
{
    public const string Problem = "problem";
    public const string Assignment = "assignment";
    public const string Responsibility = "responsibility";
    public const string Feedback = "feedback";

    public static IReadOnlyList<string> All { get; } = [Problem, Assignment, Responsibility, Feedback];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    public static IReadOnlySet<AppealEventKind> EventsOf(string kind) => kind switch
    {
        Problem => new HashSet<AppealEventKind> { AppealEventKind.Accepted, AppealEventKind.DuplicateLinked },
        Assignment => new HashSet<AppealEventKind>
        {
            AppealEventKind.Routed, AppealEventKind.RoutingObjected, AppealEventKind.TakenOver, AppealEventKind.Supervised,
            AppealEventKind.Escalated, AppealEventKind.TaskForceFormed,
        },
        Responsibility => new HashSet<AppealEventKind>
        {
            AppealEventKind.Routed, AppealEventKind.RoutingObjected, AppealEventKind.TakenOver, AppealEventKind.TaskForceFormed,
            AppealEventKind.Escalated,
        },
        Feedback => new HashSet<AppealEventKind>
        {
            AppealEventKind.Replied, AppealEventKind.Rated, AppealEventKind.DissatisfactionVerified, AppealEventKind.Revisited,
            AppealEventKind.Closed,
        },
        _ => new HashSet<AppealEventKind>(),
    };
}
