using Grains.Abstractions.Officials;

namespace Dashboard.Enterprises;

/// <summary>One visit (走访) to the enterprise, with the official who made it.</summary>
internal sealed record EnterpriseVisit(OfficialProfile Official, VisitRecord Visit);
