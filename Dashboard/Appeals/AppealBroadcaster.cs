using Dashboard.Live;
using Grains.Abstractions.Appeals;
using Microsoft.AspNetCore.SignalR;
using Silo.Streams;

namespace Dashboard.Appeals;

/// <summary>Forwards every appeal change to that appeal's group of the live hub, which <see cref="LiveGroupAuthorizer"/>
/// admits only to users who may open the appeal. One subscription for the life of the app, ended by the host's stop
/// token; a group without members costs one lookup.</summary>
internal sealed class AppealBroadcaster(IChangeFeed feed, IHubContext<LiveHub, ILiveClient> hub, ILogger<AppealBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in feed.SubscribeAsync<AppealUpdate>(AppealTopics.All, stoppingToken))
            {
                await ForwardAsync(update);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the subscription ended with the enumeration.
        }
    }

    private async Task ForwardAsync(AppealUpdate update)
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
