namespace Storage.ReadModels;

/// <summary>One page of a list with the total number of rows that match, for the pager.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Total">How many rows match the filter in all.</param>
/// <param name="Offset">How many matching rows come before this page.</param>
/// <param name="Limit">The page size asked for.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
