using System.Globalization;
using System.Text;

namespace Dashboard.Auth;

internal static class ReturnUrls
{
    /// <summary>The URL when it stays on this site, else "/": a return URL from a query string must never send the user
    /// elsewhere (open redirect), nor be longer than <see cref="MaxLength"/>. Characters outside printable ASCII are
    /// percent-encoded as UTF-8: the URL goes into a Location header, where Kestrel refuses them (a 500 instead of the redirect).</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 and <= MaxLength } local
        && local[0] == '/'
        && (local.Length == 1 || (local[1] != '/' && local[1] != '\\'))
        && !local.Any(char.IsControl)
        && AsciiOnly(local) is { Length: <= MaxLength } encoded
            ? encoded
            : "/";

    /// <summary>Longer than any page's address; a longer one would make a Location header clients refuse.</summary>
    public const int MaxLength = 2048;

    private static string AsciiOnly(string url)
    {
        if (url.All(c => c is > ' ' and < '\x7f'))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 3);
        // A lone surrogate becomes U+FFFD rather than an exception.
        foreach (var b in new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetBytes(url))
        {
            if (b is > (byte)' ' and < 0x7f)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
