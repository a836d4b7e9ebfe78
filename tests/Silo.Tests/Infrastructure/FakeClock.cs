using Microsoft.Extensions.Time.Testing;

namespace Silo.Tests.Infrastructure;

/// <summary>Moves fake time forward in steps until something has happened, with a bounded number of steps.</summary>
/// <remarks>Work triggered by fake timers finishes on the thread pool; stepping (instead of one big jump)
/// lets a timer that is re-armed after its callback see the next step.</remarks>
public static class FakeClock
{
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, TimeSpan step, Func<bool> done, int maxSteps = 500)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            time.Advance(step);
            await Task.Delay(2);
        }

        Assert.True(done(), $"Condition not reached after {maxSteps} steps of {step}.");
    }
}
