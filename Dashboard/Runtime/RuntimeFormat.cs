using System.Globalization;

namespace Dashboard.Runtime;

/// <summary>Number formats of the runtime table; wwwroot/js/runtime.js formats pushed figures the same way.</summary>
public static class RuntimeFormat
{
    public static string Rate(double perSecond) => perSecond.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Milliseconds(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"d.hh:mm:ss", the day part only from one day on.</summary>
    public static string Uptime(TimeSpan uptime)
    {
        var clock = uptime.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        return uptime.Days > 0 ? $"{uptime.Days.ToString(CultureInfo.InvariantCulture)}.{clock}" : clock;
    }
}
