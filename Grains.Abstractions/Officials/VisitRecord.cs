using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Orleans;

namespace Grains.Abstractions.Officials;

/// <summary>A visit (走访) a package official reports.</summary>
/// <param name="EnterpriseCreditCode">The enterprise visited.</param>
/// <param name="Date">The day of the visit.</param>
/// <param name="Notes">What was discussed.</param>
/// <param name="Problems">Problems found; each becomes an appeal through the official-visit channel.</param>
[GenerateSerializer, Immutable, Alias("cc.VisitReport")]
public sealed record VisitReport(
    [property: Id(0)] string EnterpriseCreditCode,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Notes,
    [property: Id(3)] ImmutableArray<ProblemReport> Problems);

/// <summary>A visit in an official's log.</summary>
/// <param name="Sequence">Its number in the log, from 1.</param>
/// <param name="EnterpriseCreditCode">The enterprise visited.</param>
/// <param name="Date">The day of the visit.</param>
/// <param name="Notes">What was discussed.</param>
/// <param name="AppealIds">The appeals raised for the problems found.</param>
/// <param name="RecordedAt">When it was recorded.</param>
[GenerateSerializer, Immutable, Alias("cc.VisitRecord")]
public sealed record VisitRecord(
    [property: Id(0)] int Sequence,
    [property: Id(1)] string EnterpriseCreditCode,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] string Notes,
    [property: Id(4)] ImmutableArray<string> AppealIds,
    [property: Id(5)] DateTimeOffset RecordedAt);
