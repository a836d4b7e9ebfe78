namespace Grains.Abstractions.Appeals;

/// <summary>Limits and periods of the appeal closed loop.</summary>
/// <param name="MaxTitleLength">Longest title, in characters.</param>
/// <param name="MaxTextLength">Longest appeal, reply or note text, in characters.</param>
/// <param name="MaxAttachments">Most attachments at intake or as reply evidence.</param>
/// <param name="ObjectionWorkingTime">How long (in working time) a department may object to a routing before it is binding.</param>
/// <param name="RatingWindow">How long the enterprise has to rate after a reply; closing earlier without a rating is suspicious.</param>
public sealed record AppealSettings(
    int MaxTitleLength,
    int MaxTextLength,
    int MaxAttachments,
    TimeSpan ObjectionWorkingTime,
    TimeSpan RatingWindow)
{
    /// <summary>100-character titles, 2,000-character texts, 20 attachments, one working day to object, three days to rate.</summary>
    public static AppealSettings Default { get; } = new(100, 2000, 20, TimeSpan.FromDays(1), TimeSpan.FromDays(3));
}
