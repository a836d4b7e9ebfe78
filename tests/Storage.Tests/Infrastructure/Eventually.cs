namespace Storage.Tests.Infrastructure;

/// <summary>Waits for an effect that happens on its own (a reminder firing, a silo joining) by polling: a passing wait
/// returns as soon as the effect shows, and the timeout is generous because a loaded machine runs many silos at once.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Calls until the call succeeds (e.g. while the cluster notices that a silo is gone); returns its result, or
    /// fails with the last error.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> call, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (DateTime.UtcNow <= deadline && exception is not Xunit.Sdk.XunitException)
            {
                await Task.Delay(Interval * 4);
            }
        }
    }
}
