namespace Dashboard.Http;

/// <summary>Builds the query string of a filtered list page: empty values are left out, so links stay short.</summary>
internal sealed class FilterQuery
{
    private readonly List<KeyValuePair<string, string?>> pairs = [];

    public FilterQuery Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            pairs.Add(new(name, value));
        }

        return this;
    }

    /// <summary>"?a=1&amp;b=2", or empty when no filter is set.</summary>
    public override string ToString() => pairs.Count == 0 ? string.Empty : QueryString.Create(pairs).ToString();

    /// <summary>A trimmed query value, or null when missing or blank.</summary>
    public static string? Value(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
