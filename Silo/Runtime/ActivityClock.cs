namespace Silo.Runtime;

/// <summary>Milliseconds for idle tracking, read on every grain call: coarse and cheap on the real clock
/// (<see cref="Environment.TickCount64"/>, no vDSO call), exact on a test's fake clock.</summary>
internal sealed class ActivityClock(TimeProvider time)
{
    private readonly bool _system = ReferenceEquals(time, TimeProvider.System);

    public long NowMilliseconds => _system ? Environment.TickCount64 : time.GetUtcNow().ToUnixTimeMilliseconds();
}
