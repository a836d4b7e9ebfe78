using Silo;

namespace Bench.Runtime;

public interface IAdderGrain : IGrainWithIntegerKey
{
    Task<int> Add(int value);
}

/// <summary>The same method body as <see cref="AdderGrain"/>, called directly: the baseline.</summary>
public sealed class DirectAdder : IAdder
{
    private int _sum;

    public Task<int> Add(int value) => Task.FromResult(_sum += value);
}

public interface IAdder
{
    Task<int> Add(int value);
}

public sealed class AdderGrain : Grain, IAdderGrain
{
    private int _sum;

    public Task<int> Add(int value) => Task.FromResult(_sum += value);
}

public interface IWriterGrain : IGrainWithIntegerKey
{
    Task Write(int value);
}

public sealed record WriterState
{
    public int Value { get; init; }

    public string Note { get; init; } = "";
}

/// <summary>Every call is one durable state write.</summary>
public sealed class WriterGrain([PersistentState("writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task Write(int value)
    {
        state.State = state.State with { Value = value, Note = "状态写入基准" };
        await state.WriteStateAsync();
    }
}
