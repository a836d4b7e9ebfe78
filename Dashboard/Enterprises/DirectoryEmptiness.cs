namespace Dashboard.Enterprises;

/// <summary>Why a directory page could be empty, so that the page can say so.</summary>
public enum DirectoryEmptiness
{
    /// <summary>Nothing in the user's scope at all.</summary>
    NothingInScope,

    /// <summary>A steward who packages nothing and stewards no project.</summary>
    Steward,

    /// <summary>The search or filters match nothing.</summary>
    Filtered,
}
