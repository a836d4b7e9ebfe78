using System.Globalization;
using Dashboard.Resources;
using Dashboard.Wall;
using Microsoft.Extensions.Localization;

namespace Dashboard.Auth;

/// <summary>The message a locked user name sees: until when (the district's clock) and about how many minutes.</summary>
internal static class LockoutMessage
{
    public static string For(IStringLocalizer<SharedResource> localizer, DateTimeOffset retryAt, DateTimeOffset now, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(retryAt, WallFormat.Zone(timeZone));
        var minutes = Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalMinutes));
        return localizer["SignInLockedOut", local.ToString("HH:mm", CultureInfo.InvariantCulture), minutes];
    }
}
