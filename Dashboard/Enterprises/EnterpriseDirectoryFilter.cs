using Dashboard.Http;
using System.Globalization;
using Grains.Abstractions.Enterprises;
using Dashboard.Resources;
using Storage.ReadModels;
using Microsoft.Extensions.Localization;

namespace Dashboard.Enterprises;

/// <summary>The directory's search, filters, sort and page as they travel in the query string (the page, its pager and the
/// CSV export share them). Unlike the appeal queue, a value that cannot be right is reported, not silently dropped: the
/// user typed or edited it, and a list that quietly ignores a filter looks like a wrong answer.</summary>
internal sealed record EnterpriseDirectoryFilter
{
    public const int DefaultPageSize = 20;

    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100];

    private const int MaxPage = 100_000;

    public string? Text { get; init; }

    public string? Town { get; init; }

    public string? Station { get; init; }

    public string? Industry { get; init; }

    public EnterpriseSize? Size { get; init; }

    public CreditLevel? Credit { get; init; }

    /// <summary>True: packaged only (已包联); false: unpackaged only (未包联); null: both.</summary>
    public bool? Packaged { get; init; }

    public EnterpriseSort Sort { get; init; } = EnterpriseSort.Name;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>What was wrong with the query string, as (resource key, arguments) in <see cref="EnterpriseDirectoryText"/>.</summary>
    public IReadOnlyList<DirectoryProblem> Problems { get; init; } = [];

    public bool HasFilters => Text is not null || Town is not null || Station is not null || Industry is not null
        || Size is not null || Credit is not null || Packaged is not null;

    public static EnterpriseDirectoryFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<DirectoryProblem>();
        var text = Value(query, "q");
        if (text is { Length: > EnterpriseListQuery.MaxSearchLength })
        {
            problems.Add(new("SearchTooLong", [EnterpriseListQuery.MaxSearchLength, text.Length]));
            text = null;
        }

        var page = 1;
        if (Value(query, "page") is { } pageText
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            problems.Add(new("PageInvalid", [Shorten(pageText)]));
            page = 1;
        }

        var pageSize = DefaultPageSize;
        if (Value(query, "per") is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || !PageSizes.Contains(pageSize)))
        {
            problems.Add(new("PageSizeInvalid", [Shorten(sizeText), string.Join(" / ", PageSizes)]));
            pageSize = DefaultPageSize;
        }

        bool? packaged = Value(query, "packaged") switch
        {
            null => null,
            "yes" => true,
            "no" => false,
            var other => Refuse<bool>(problems, "packaged", other),
        };
        var sort = Value(query, "sort") switch
        {
            null or "name" => EnterpriseSort.Name,
            "town" => EnterpriseSort.Town,
            var other => Refuse<EnterpriseSort>(problems, "sort", other) ?? EnterpriseSort.Name,
        };
        return new EnterpriseDirectoryFilter
        {
            Text = text,
            Town = Value(query, "town"),
            Station = Value(query, "station"),
            Industry = Value(query, "industry"),
            Size = EnumValue<EnterpriseSize>(query, "class", problems),
            Credit = EnumValue<CreditLevel>(query, "credit", problems),
            Packaged = packaged,
            Sort = sort,
            PageSize = pageSize,
            Page = page,
            Problems = problems,
        };
    }

    /// <summary>The read-model query within <paramref name="scope"/>: a town operator's town and a steward's reach are
    /// applied here whatever the link says (the page refuses a forged town before it gets this far).</summary>
    public EnterpriseListQuery ToQuery(EnterpriseDirectoryScope scope, int? limit = null, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var size = limit ?? PageSize;
        return new EnterpriseListQuery
        {
            DistrictCode = scope.DistrictCode,
            TownCode = scope.TownCode ?? Town,
            StationCode = Station,
            Industry = Industry,
            Size = Size,
            CreditLevel = Credit,
            PackagedOnly = Packaged == true,
            UnpackagedOnly = Packaged == false,
            Search = Text,
            Reach = scope.Reach,
            Sort = Sort,
            Offset = limit is null ? (Page - 1) * size : offset,
            Limit = size,
        };
    }

    /// <summary>The query string (with "?") of these filters, optionally for another page.</summary>
    public string ToQueryString(int? page = null)
    {
        var query = new FilterQuery();
        void Add(string name, string? value) => query.Add(name, value);

        Add("q", Text);
        Add("town", Town);
        Add("station", Station);
        Add("industry", Industry);
        Add("class", Size?.ToString());
        Add("credit", Credit?.ToString());
        Add("packaged", Packaged switch { true => "yes", false => "no", null => null });
        Add("sort", Sort == EnterpriseSort.Town ? "town" : null);
        Add("per", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture));
        var target = page ?? 1;
        Add("page", target > 1 ? target.ToString(CultureInfo.InvariantCulture) : null);
        return query.ToString();
    }

    private static string? Value(IQueryCollection query, string name) => FilterQuery.Value(query, name);

    private static T? EnumValue<T>(IQueryCollection query, string name, List<DirectoryProblem> problems)
        where T : struct, Enum
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        // Names only: Enum.TryParse would also take "7" or "-1".
        return char.IsLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : Refuse<T>(problems, name, text);
    }

    private static T? Refuse<T>(List<DirectoryProblem> problems, string name, string value)
        where T : struct
    {
        problems.Add(new("FilterValueInvalid", [name, Shorten(value)]));
        return null;
    }

    // A message quotes what was sent, but never a whole pasted page.
    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}

/// <summary>One thing wrong with the directory's query string: a resource key and its arguments.</summary>
internal sealed record DirectoryProblem(string Key, IReadOnlyList<object> Arguments)
{
    /// <summary>The message in the user's language; a refused filter is named in words, not by its query parameter.</summary>
    public string Describe(IStringLocalizer<EnterpriseDirectoryText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var arguments = Arguments.ToArray();
        if (Key == "FilterValueInvalid" && arguments is [string parameter, ..])
        {
            arguments[0] = text[$"Param_{parameter}"].Value;
        }

        return text[Key, arguments];
    }
}
