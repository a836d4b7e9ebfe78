using System.Collections.Concurrent;
using Dashboard.Live;
using Grains.Abstractions.District;

namespace Bench.Live;

/// <summary>Notes when each of the run's appeals reached the Dashboard from the district grain's live channel, keyed by the
/// event time the wall's feed item carries. Registered as the Dashboard's first live consumer, so the time is where the
/// server's part ends and the wall's own work begins.</summary>
internal sealed class AppealArrivals : IDistrictLiveConsumer
{
    public ConcurrentDictionary<long, Published> Received { get; } = new();

    public Task OnEventsAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var change in events)
        {
            if (change.Kind == DistrictEventKind.AppealReceived && change.SubjectCode.StartsWith(AppealStream.Prefix, StringComparison.Ordinal))
            {
                Received[change.At.UtcTicks] = new Published(change.SubjectCode, now);
            }
        }

        return Task.CompletedTask;
    }

    public Task OnResyncAsync() => Task.CompletedTask;
}

/// <summary>One of the run's appeals as it reached the Dashboard, and when (Unix ms).</summary>
internal sealed record Published(string AppealId, long Ms);
