using System.Collections.Concurrent;
using Grains.Abstractions.District;

namespace Dashboard.Live;

/// <summary>What an open interactive page hears of the district: events in order and the district's figures when they changed,
/// or <see cref="Resync"/> when events may have been missed and the page should read again what it shows.</summary>
public sealed record LiveNotice(IReadOnlyList<DistrictEvent> Events, DistrictFigures? Figures, bool Resync)
{
    public static LiveNotice ForResync { get; } = new([], null, Resync: true);
}

/// <summary>Hands the district's live events to the interactive pages (circuits) of this process for as long as each is open.
/// A page uses them only as a cue to read again, through the same scoped services as its first render, so it never shows
/// what its user may not see. A slow or failing page never holds up the others.</summary>
internal sealed partial class LiveChanges(ILogger<LiveChanges> logger) : IDistrictLiveConsumer
{
    private readonly ConcurrentDictionary<Guid, Func<LiveNotice, Task>> pages = new();

    public int Subscribers => pages.Count;

    /// <summary>Follows the changes until the returned handle is disposed (with the page).</summary>
    public IDisposable Subscribe(Func<LiveNotice, Task> onChange)
    {
        var id = Guid.NewGuid();
        pages[id] = onChange;
        return new Subscription(() => pages.TryRemove(id, out _));
    }

    public Task OnEventsAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures) =>
        NotifyAsync(new LiveNotice(events, figures, Resync: false));

    public Task OnResyncAsync() => NotifyAsync(LiveNotice.ForResync);

    private Task NotifyAsync(LiveNotice notice)
    {
        foreach (var page in pages.Values)
        {
            _ = RunAsync(page, notice);
        }

        return Task.CompletedTask;
    }

    private async Task RunAsync(Func<LiveNotice, Task> page, LiveNotice notice)
    {
        try
        {
            await page(notice);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An open page failed to follow a live change")]
    private partial void LogFailed(Exception exception);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
