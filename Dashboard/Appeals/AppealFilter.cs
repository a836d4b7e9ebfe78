using Dashboard.Http;
using System.Security.Claims;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Storage.ReadModels;

namespace Dashboard.Appeals;

/// <summary>The queue's filters as they travel in the query string (the list page, its pager and the exports share them).
/// Unknown values are ignored rather than refused: a filter link must never break the page.</summary>
internal sealed record AppealFilter
{
    public const int PageSize = 20;

    public string? Town { get; init; }

    public string? Department { get; init; }

    public string? Category { get; init; }

    public AppealChannel? Channel { get; init; }

    public SlaLight? Light { get; init; }

    public AppealStatus? Status { get; init; }

    public string? Text { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    public static AppealFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new AppealFilter
        {
            Town = Value(query, "town"),
            Department = Value(query, "department"),
            Category = Value(query, "category"),
            Channel = EnumValue<AppealChannel>(query, "channel"),
            Light = EnumValue<SlaLight>(query, "light"),
            Status = EnumValue<AppealStatus>(query, "status"),
            Text = Value(query, "q") is { } text ? text[..Math.Min(text.Length, 100)] : null,
            Page = int.TryParse(Value(query, "page"), out var page) && page is >= 1 and <= 100_000 ? page : 1,
        };
    }

    /// <summary>The read-model query; a department handler is held to their own department whatever the link says.</summary>
    public AppealListQuery ToQuery(ClaimsPrincipal user, string districtCode, int? limit = null)
    {
        var size = limit ?? PageSize;
        return new AppealListQuery
        {
            DistrictCode = districtCode,
            TownCode = Town,
            DepartmentCode = AppealAccess.DepartmentScope(user) ?? Department,
            Category = Category,
            Light = Light,
            Status = Status,
            Offset = limit is null ? (Page - 1) * size : 0,
            Limit = size,
        };
    }

    /// <summary>The query string (with "?") of these filters, optionally for another page or light.</summary>
    public string ToQueryString(int? page = null)
    {
        var query = new FilterQuery();
        void Add(string name, string? value) => query.Add(name, value);

        Add("town", Town);
        Add("department", Department);
        Add("category", Category);
        Add("channel", Channel?.ToString());
        Add("light", Light?.ToString());
        Add("status", Status?.ToString());
        Add("q", Text);
        if ((page ?? 1) > 1)
        {
            Add("page", page!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return query.ToString();
    }

    private static string? Value(IQueryCollection query, string name) => FilterQuery.Value(query, name);

    private static T? EnumValue<T>(IQueryCollection query, string name)
        where T : struct, Enum =>
        // Names only: Enum.TryParse would also take "7" or "-1".
        Value(query, name) is { } text && char.IsLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : null;
}
