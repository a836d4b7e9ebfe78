using System.Diagnostics;
using Bench.Cluster;

namespace Bench.Chaos;

/// <summary>When the load's writes are acknowledged again after a fault: the first acknowledgement after a given moment, of
/// the appeals a filter accepts (a killed silo's appeals), as a <see cref="Stopwatch"/> timestamp.</summary>
internal sealed class RecoveryWatch : IDisposable
{
    private readonly AppealLoad load;
    private Waiter? waiter;

    public RecoveryWatch(AppealLoad load)
    {
        this.load = load;
        load.Acknowledging += Offer;
    }

    /// <summary>Waits for the first acknowledgement after <paramref name="after"/> of an appeal <paramref name="appeal"/> accepts;
    /// fails with a message naming <paramref name="fault"/> after <paramref name="timeout"/>.</summary>
    public async Task<long> FirstAfterAsync(string fault, long after, Func<string, bool> appeal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var current = new Waiter(after, appeal);
        Volatile.Write(ref waiter, current);
        // Acknowledgements made before the waiter was in place.
        var earlier = load.Appeals.Where(a => appeal(a.Key)).SelectMany(a => a.Value).Where(a => a.At > after).Select(a => (long?)a.At).Min();
        if (earlier is { } at)
        {
            current.Done.TrySetResult(at);
        }

        try
        {
            return await current.Done.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No write was acknowledged within {timeout.TotalSeconds:0} s of {fault}: the fault was not survived.");
        }
        finally
        {
            Interlocked.CompareExchange(ref waiter, null, current);
        }
    }

    public void Dispose() => load.Acknowledging -= Offer;

    private void Offer(string appeal, Acknowledgement acknowledgement)
    {
        if (Volatile.Read(ref waiter) is { } current && acknowledgement.At > current.After && current.Appeal(appeal))
        {
            current.Done.TrySetResult(acknowledgement.At);
        }
    }

    private sealed record Waiter(long After, Func<string, bool> Appeal)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
