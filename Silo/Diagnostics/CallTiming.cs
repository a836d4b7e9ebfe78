using System.Diagnostics;

namespace Silo.Diagnostics;

/// <summary>Chooses the grain calls whose latency is timed: one in eight per thread, the first included.</summary>
/// <remarks>Two clock reads cost about a tenth of an in-memory grain call; a one-in-eight sample gives the same
/// median and p95 on the runtime page. Calls and exceptions are still counted one by one.</remarks>
internal static class CallTiming
{
    /// <summary>The start stamp of a call that is not timed.</summary>
    public const long NotTimed = 0;

    private const uint SampleMask = 7;

    [ThreadStatic]
    private static uint t_calls;

    /// <summary>A Stopwatch timestamp when this call is timed, else <see cref="NotTimed"/>.</summary>
    public static long Start() => (t_calls++ & SampleMask) == 0 ? Stopwatch.GetTimestamp() : NotTimed;
}
