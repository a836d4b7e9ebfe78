namespace Silo.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task Set(int value);

    Task<IReadOnlyList<int>> History();

    Task Deactivate();
}

public sealed record CounterState
{
    public int Value { get; init; }

    public IReadOnlyList<int> History { get; init; } = [];
}

/// <summary>A durable counter: every increment is written before it returns.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, Probe probe) : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnConstructed(GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{GetPrimaryKeyString()}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        state.State = state.State with { Value = state.State.Value + 1, History = [.. state.State.History, state.State.Value + 1] };
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public async Task Set(int value)
    {
        state.State = state.State with { Value = value };
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<int>> History() => Task.FromResult(state.State.History);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
