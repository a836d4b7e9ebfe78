namespace Dashboard.Towns;

/// <summary>One push to a town's live group: something changed in the town's grid. Browsers drop an update whose
/// sequence is not newer than the last they applied from the same epoch, then re-fetch what the event touches.</summary>
/// <param name="Epoch">Changes with every server start.</param>
/// <param name="Sequence">Increases with every push (across towns, so a town's browser may see gaps).</param>
/// <param name="TownCode">The town.</param>
/// <param name="Kind">What happened (a <c>DistrictEventKind</c> name).</param>
/// <param name="SubjectCode">The appeal, project or enterprise.</param>
/// <param name="Title">The feed line.</param>
/// <param name="At">When.</param>
public sealed record TownLiveUpdate(Guid Epoch, long Sequence, string TownCode, string Kind, string SubjectCode, string Title, DateTimeOffset At);
