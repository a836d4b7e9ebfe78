using Grains.Common;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grains.Figures;

/// <summary>The state every aggregator keeps besides its counters: whether its last activation ended with everything written.</summary>
internal interface IAggregatorState<TState>
{
    /// <summary>False while counters may be in memory only; set when the activation ends after writing everything.</summary>
    bool ClosedCleanly { get; }

    TState WithClosedCleanly(bool closedCleanly);
}

/// <summary>A grain that sums counters sent by entity grains (district, town, department). Every appeal change sends it a
/// delta, so writing its state on each one would make it the slowest step of every transition; it writes at most once per
/// <see cref="FlushInterval"/> instead, and when it deactivates. A crash loses at most that interval of deltas: the grain
/// then starts without <see cref="IAggregatorState{TState}.ClosedCleanly"/> and asks for a figure check, which recounts from
/// the read model (the self-healing recount).</summary>
internal abstract class AggregatorGrain<TState>(IPersistentState<TState> state) : Grain
    where TState : class, IAggregatorState<TState>
{
    internal static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private bool unwritten;
    private IGrainTimer? flushTimer;

    protected TState Current => state.State;

    /// <summary>Whether this activation started from a state that was not written completely (a crash or a kill).</summary>
    protected bool StartedAfterCrash { get; private set; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartedAfterCrash = state.RecordExists && !state.State.ClosedCleanly;
        // In memory the state is not clean from now on; that is what a crash would leave in storage too.
        state.State = state.State.WithClosedCleanly(false);
        flushTimer = this.RegisterGrainTimer(_ => FlushAsync(), FlushInterval, FlushInterval);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        flushTimer?.Dispose();
        if (state.RecordExists || unwritten)
        {
            var previous = state.State;
            state.State = previous.WithClosedCleanly(true);
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is InconsistentStateException or OrleansException or TimeoutException)
            {
                // Left unclean in storage: the next activation asks for a figure check.
                state.State = previous;
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Takes a change of counters in memory; it is written with the next flush.</summary>
    protected void Accumulate(TState next)
    {
        state.State = next;
        unwritten = true;
    }

    /// <summary>Writes now (definitions, recounts): a caller waits for these to be durable.</summary>
    protected async Task WriteNowAsync(TState next)
    {
        await state.WriteAsync(next);
        unwritten = false;
    }

    private async Task FlushAsync()
    {
        if (!unwritten)
        {
            return;
        }

        unwritten = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote this grain (a split cluster healing): reload rather than overwrite it.
            this.DeactivateOnIdle();
        }
        catch
        {
            unwritten = true;
            throw;
        }
    }
}
