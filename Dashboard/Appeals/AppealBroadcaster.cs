using System.Collections.Concurrent;
using Dashboard.Live;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Appeals;

/// <summary>Forwards every appeal change to that appeal's group of the live hub, which <see cref="LiveGroupAuthorizer"/>
/// admits only to users who may open the appeal. It remembers which appeals have pages open (<see cref="Watch"/>), so that
/// after missed events it can read those appeals' versions again instead of alarming every page.</summary>
internal sealed class AppealBroadcaster(IGrainFactory grains, IHubContext<LiveHub, ILiveClient> hub, ILogger<AppealBroadcaster> logger) : IDistrictLiveConsumer
{
    // connection id → appeal ids it watches
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> watching = new(StringComparer.Ordinal);

    public void Watch(string connectionId, string appealId) =>
        watching.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal)).TryAdd(appealId, 0);

    public void Forget(string connectionId) => watching.TryRemove(connectionId, out _);

    public async Task OnEventsAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures)
    {
        // Only the newest version of each appeal in this batch matters to a page.
        var latest = events
            .Where(e => e.Kind.IsAppeal())
            .GroupBy(e => e.SubjectCode, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.SubjectVersion)!);
        foreach (var e in latest)
        {
            await PushAsync(new AppealUpdate(e.SubjectCode, e.SubjectVersion, e.At));
        }
    }

    public async Task OnResyncAsync()
    {
        var watched = watching.Values.SelectMany(ids => ids.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var appealId in watched)
        {
            if (await grains.GetGrain<IAppealGrain>(appealId).Get() is { } appeal)
            {
                await PushAsync(new AppealUpdate(appeal.Id, appeal.EventCount, DateTimeOffset.UtcNow));
            }
        }
    }

    private async Task PushAsync(AppealUpdate update)
    {
        try
        {
            await hub.Clients.Group(LiveGroup.ForAppeal(update.AppealId).Name).Appeal(update);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failed push must not end the appeal pages' liveness for everyone.
            logger.LogError(exception, "Pushing a change of appeal {AppealId} failed", update.AppealId);
        }
    }
}
