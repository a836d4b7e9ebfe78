using System.Collections.Immutable;
using Grains.Abstractions.Appeals;

namespace Grains.Abstractions.Officials;

/// <summary>A visit (走访) a package official reports.</summary>
/// <param name="EnterpriseCreditCode">The enterprise visited.</param>
/// <param name="Date">The day of the visit.</param>
/// <param name="Notes">What was discussed.</param>
/// <param name="Problems">Problems found; each becomes an appeal through the official-visit channel.</param>
public sealed record VisitReport(string EnterpriseCreditCode, DateOnly Date, string Notes, ImmutableArray<ProblemReport> Problems);

/// <summary>A visit in an official's log.</summary>
/// <param name="Sequence">Its number in the log, from 1.</param>
/// <param name="EnterpriseCreditCode">The enterprise visited.</param>
/// <param name="Date">The day of the visit.</param>
/// <param name="Notes">What was discussed.</param>
/// <param name="AppealIds">The appeals raised for the problems found.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record VisitRecord(int Sequence, string EnterpriseCreditCode, DateOnly Date, string Notes, ImmutableArray<string> AppealIds, DateTimeOffset RecordedAt);
