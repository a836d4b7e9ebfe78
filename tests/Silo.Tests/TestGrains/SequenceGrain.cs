namespace Silo.Tests.TestGrains;

public interface ISequenceGrain : IGrainWithGuidKey
{
    /// <summary>Records the call, yielding in the middle, and fails if another call overlaps it.</summary>
    Task Append(int value);

    Task<IReadOnlyList<int>> Values();

    Task<int> Overlaps();
}

/// <summary>Checks turn-based concurrency: calls run one at a time, in arrival order.</summary>
public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<int> _values = [];
    private bool _inTurn;
    private int _overlaps;

    public async Task Append(int value)
    {
        if (_inTurn)
        {
            _overlaps++;
        }

        _inTurn = true;
        await Task.Yield();
        await Task.Delay(value % 3);
        _values.Add(value);
        _inTurn = false;
    }

    public Task<IReadOnlyList<int>> Values() => Task.FromResult<IReadOnlyList<int>>([.. _values]);

    public Task<int> Overlaps() => Task.FromResult(_overlaps);
}
