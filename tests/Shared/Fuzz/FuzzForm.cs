using System.Net;
using System.Text.RegularExpressions;

namespace TestInfrastructure.Fuzz;

/// <summary>One post target: a form found on a page as one role sees it (its action and fields with the values the page
/// gave them), or an API call with a JSON template. The generator mutates its fields.</summary>
public sealed record FuzzTarget(string Role, string Page, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, bool IsApi = false)
{
    /// <summary>The form's Blazor form name (its <c>_handler</c> field), or the API action.</summary>
    public string Name => Fields.FirstOrDefault(f => f.Key == FuzzForm.Handler).Value is { Length: > 0 } handler ? handler : Action;
}

/// <summary>Finds the post forms of a server-rendered page with regular expressions: the pages are the product's own,
/// well-formed HTML, and the bench has no HTML parser.</summary>
public static partial class FuzzForm
{
    public const string Handler = "_handler";
    public const string Token = "__RequestVerificationToken";

    public static IEnumerable<FuzzTarget> PostForms(string role, string page, string html)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups["attributes"].Value;
            if (!string.Equals(Attribute(attributes, "method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = Attribute(attributes, "action") is { Length: > 0 } a ? a : page;
            var fields = new List<KeyValuePair<string, string>>();
            var body = form.Groups["body"].Value;
            foreach (Match input in InputElement().Matches(body))
            {
                var tag = input.Value;
                if (Attribute(tag, "name") is not { Length: > 0 } name)
                {
                    continue;
                }

                // A select's first option, a textarea's text, an input's value.
                var value = input.Groups["tag"].Value.ToLowerInvariant() switch
                {
                    "select" => OptionValue().Match(input.Groups["inner"].Value) is { Success: true } o ? WebUtility.HtmlDecode(o.Groups[1].Value) : "",
                    "textarea" => WebUtility.HtmlDecode(input.Groups["inner"].Value),
                    _ => WebUtility.HtmlDecode(Attribute(tag, "value") ?? ""),
                };
                fields.Add(new(name, value));
            }

            yield return new FuzzTarget(role, page, WebUtility.HtmlDecode(action), fields);
        }
    }

    /// <summary>The first antiforgery request token on the page, or null.</summary>
    public static string? AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    /// <summary>Local links of the page, without query or fragment.</summary>
    public static IEnumerable<string> Links(string html) =>
        LocalLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<(?<tag>input|button)\\b[^>]*>|<(?<tag>select|textarea)\\b[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputElement();

    [GeneratedRegex("<option[^>]*?value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("href=\"(/[^\"?#]*)")]
    private static partial Regex LocalLink();
}
