using System.Data.Common;
using System.Text;
using Grains.Abstractions.Errors;

namespace Storage.ReadModels;

/// <summary>Builds a WHERE clause from the filters that are set, so no parameter is ever bound as an untyped NULL
/// (PostgreSQL cannot infer the type of <c>@x IS NULL</c>).</summary>
public sealed class SqlFilter
{
    public const int MaxLimit = 500;

    private readonly StringBuilder _where = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    public SqlFilter Equal(string column, object? value)
    {
        if (value is not null)
        {
            Add($"{column} = @p{_parameters.Count}", value);
        }

        return this;
    }

    public SqlFilter Raw(string clause)
    {
        _where.Append(_where.Length == 0 ? " WHERE " : " AND ").Append(clause);
        return this;
    }

    public SqlFilter Add(string clause, object value)
    {
        Raw(clause);
        _parameters.Add(($"@p{_parameters.Count}", value));
        return this;
    }

    /// <summary>Binds a value and returns its parameter name, for a clause with several parameters (add it with <see cref="Raw"/>).</summary>
    public string Parameter(object value)
    {
        var name = NextParameter;
        _parameters.Add((name, value));
        return name;
    }

    public string NextParameter => $"@p{_parameters.Count}";

    public string Where => _where.ToString();

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.With(name, value);
        }
    }

    public static void CheckPaging(int offset, int limit)
    {
        if (offset < 0)
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, "offset", offset);
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new DomainException(ErrorCodes.ValueOutOfRange, "limit", limit);
        }
    }

    // PostgreSQL's LIKE treats a backslash as an escape by default and SQLite's does not, so the escape is named in every
    // pattern; then '%', '_' and '\' typed by a user match themselves on both engines.
    public static string Like(string parameter) => $"LIKE {parameter} ESCAPE '\\'";

    public static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
