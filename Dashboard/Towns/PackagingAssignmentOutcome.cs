namespace Dashboard.Towns;

/// <summary>How an "assign an official" form ended; the page words it from the state as it is now.</summary>
public enum PackagingAssignmentResult
{
    /// <summary>The official now packages the enterprise.</summary>
    Assigned,

    /// <summary>The same assignment had already been made (a double submit): nothing changed.</summary>
    AlreadyAssigned,

    /// <summary>Someone packaged the enterprise after the form was shown: refused, nothing changed.</summary>
    Stale,

    /// <summary>No official was chosen.</summary>
    NoOfficialChosen,

    /// <summary>The chosen official is not known.</summary>
    OfficialUnknown,

    /// <summary>District leaders package key enterprises by decision of the district, not from a town page.</summary>
    LeaderNotAssignable,

    /// <summary>The enterprise is not in this town's grid (or not known at all).</summary>
    EnterpriseNotInTown,
}
