using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;

namespace Grains.Sla;

/// <summary>
/// Working time on the district's calendar. A working day counts as 24 working hours from local midnight, so
/// "3 working days" from Friday 10:00 ends on Wednesday 10:00 and time on weekends and holidays does not count.
/// </summary>
internal sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkingDays;

    public WorkingCalendar(WorkingCalendarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _holidays = [.. settings.Holidays];
        _makeUpWorkingDays = [.. settings.MakeUpWorkingDays];
        var conflict = _holidays.Where(_makeUpWorkingDays.Contains).Order().FirstOrDefault();
        if (conflict != default)
        {
            throw new DomainException(ErrorCodes.CalendarConflict, conflict.ToString("yyyy-MM-dd", null));
        }

        UtcOffset = settings.UtcOffset;
    }

    public TimeSpan UtcOffset { get; }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_makeUpWorkingDays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, TimeSpan.FromDays(days));
    }

    /// <summary>The earliest instant at which <paramref name="workingTime"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var cursor = start.ToOffset(UtcOffset);
        var remaining = workingTime;
        while (true)
        {
            var day = DateOnly.FromDateTime(cursor.DateTime);
            var nextMidnight = Midnight(day.AddDays(1));
            if (IsWorkingDay(day))
            {
                var available = nextMidnight - cursor;
                if (remaining <= available)
                {
                    return cursor + remaining;
                }

                remaining -= available;
            }
            else if (remaining == TimeSpan.Zero)
            {
                return cursor;
            }

            cursor = nextMidnight;
        }
    }

    /// <summary>Working time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var cursor = from.ToOffset(UtcOffset);
        var end = to.ToOffset(UtcOffset);
        var total = TimeSpan.Zero;
        while (cursor < end)
        {
            var day = DateOnly.FromDateTime(cursor.DateTime);
            var nextMidnight = Midnight(day.AddDays(1));
            var segmentEnd = nextMidnight < end ? nextMidnight : end;
            if (IsWorkingDay(day))
            {
                total += segmentEnd - cursor;
            }

            cursor = segmentEnd;
        }

        return total;
    }

    private DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), UtcOffset);
}
