using System.Collections.Concurrent;

namespace Silo.Tests.TestGrains;

/// <summary>What test grains report back to the test: constructions, deactivations, reminder ticks.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, int> _constructed = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    public int Constructed(string key) => _constructed.GetValueOrDefault(key);

    public IReadOnlyCollection<string> Events => _events;

    public void OnConstructed(string key) => _constructed.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Record(string evt)
    {
        _events.Enqueue(evt);
        Signal(evt).TrySetResult();
    }

    /// <summary>Completes when <paramref name="evt"/> has been recorded (also if it already was).</summary>
    public Task WhenRecorded(string evt) => Signal(evt).Task.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>Waits, without a time limit, until the test calls <see cref="Record"/> with <paramref name="evt"/>.</summary>
    public Task WhenReleased(string evt) => Signal(evt).Task;

    private TaskCompletionSource Signal(string evt) =>
        _signals.GetOrAdd(evt, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
