namespace Grains.Abstractions.Appeals;

/// <summary>An appeal changed: published on <see cref="AppealTopics.All"/> after every write that appended history, so
/// that a page showing the appeal can tell its viewer someone else changed it.</summary>
/// <param name="AppealId">The appeal.</param>
/// <param name="Version">Its <see cref="Appeal.EventCount"/> after the change; a page compares it with the version it shows.</param>
/// <param name="At">When the change was written.</param>
public sealed record AppealUpdate(string AppealId, long Version, DateTimeOffset At);

/// <summary>The change-feed topics of appeals.</summary>
public static class AppealTopics
{
    /// <summary>Every appeal's <see cref="AppealUpdate"/>.</summary>
    public const string All = "appeals";
}
