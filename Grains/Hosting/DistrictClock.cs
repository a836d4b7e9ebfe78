using Grains.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Hosting;

/// <summary>The one clock of the domain read in the district's time zone. It is the <see cref="TimeProvider"/> registered
/// under <see cref="TimeKey"/> (the host's clock unless a test replaces it), so a test can move the domain's time
/// (deadlines, lights, years) without moving Orleans' own timers.</summary>
internal sealed class DistrictClock([FromKeyedServices(DistrictClock.TimeKey)] TimeProvider time, WorkingCalendar calendar)
{
    /// <summary>The DI key of the domain's <see cref="TimeProvider"/>.</summary>
    public const string TimeKey = "CommandCentre.Domain";

    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow().ToUniversalTime();

    public TimeSpan UtcOffset => calendar.UtcOffset;

    public DateTimeOffset LocalNow => Time.GetUtcNow().ToOffset(calendar.UtcOffset);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);
}
