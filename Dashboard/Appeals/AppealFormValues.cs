namespace Dashboard.Appeals;

/// <summary>What the user typed into an action form, given back to the form when the action was refused.</summary>
public sealed record AppealFormValues
{
    public static AppealFormValues Empty { get; } = new();

    public string? Department { get; init; }

    public string? Reason { get; init; }

    public string? Text { get; init; }

    public string? EvidenceNote { get; init; }

    public string? Note { get; init; }

    public string? Level { get; init; }

    public string? Upheld { get; init; }

    public string? Rating { get; init; }

    public string? Leader { get; init; }

    public IReadOnlyList<string> Departments { get; init; } = [];

    public string? Other { get; init; }
}
