using System.Globalization;

namespace Dashboard.Runtime;

/// <summary>Number formats of the runtime table; wwwroot/js/runtime.js formats pushed figures the same way.</summary>
public static class RuntimeFormat
{
    public static string Rate(double perSecond) => perSecond.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Milliseconds(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A silo's start, in UTC to the second (silos may run in other time zones).</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
