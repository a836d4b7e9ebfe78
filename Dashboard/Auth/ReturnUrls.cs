namespace Dashboard.Auth;

internal static class ReturnUrls
{
    /// <summary>The URL when it stays on this site, else "/": a return URL from a query string must
    /// never send the user elsewhere (open redirect).</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } local
        && local[0] == '/'
        && (local.Length == 1 || (local[1] != '/' && local[1] != '\\'))
        && !local.Any(char.IsControl)
            ? local
            : "/";
}
