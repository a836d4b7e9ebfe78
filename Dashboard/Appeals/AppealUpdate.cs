namespace Dashboard.Appeals;

/// <summary>An appeal changed: pushed to the pages showing it, so that a page can tell its viewer someone else changed it.</summary>
/// <param name="AppealId">The appeal.</param>
/// <param name="Version">Its <c>Appeal.EventCount</c> after the change; a page compares it with the version it shows.</param>
/// <param name="At">When the change was written.</param>
public sealed record AppealUpdate(string AppealId, long Version, DateTimeOffset At);
