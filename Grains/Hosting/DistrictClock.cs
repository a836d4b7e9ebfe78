using Grains.Sla;

namespace Grains.Hosting;

/// <summary>The one clock of the domain (the injected <see cref="TimeProvider"/>) read in the district's time zone.</summary>
internal sealed class DistrictClock(TimeProvider time, WorkingCalendar calendar)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow().ToUniversalTime();

    public TimeSpan UtcOffset => calendar.UtcOffset;

    public DateTimeOffset LocalNow => Time.GetUtcNow().ToOffset(calendar.UtcOffset);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);
}
