using Dashboard.Live;
using Grains.Abstractions.District;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Towns;

/// <summary>Forwards the district's live events to the town groups of the live hub: each event goes to the group of its own
/// town only, which <see cref="LiveGroupAuthorizer"/> admits to that town's operator and the district-wide roles. After
/// missed events every town's pages are told to reload. A group without members costs one lookup.</summary>
internal sealed class TownBroadcaster(TownDirectory towns, IHubContext<LiveHub, ILiveClient> hub, ILogger<TownBroadcaster> logger) : IDistrictLiveConsumer
{
    /// <summary>The kind of update that asks a town page to reload everything it shows.</summary>
    public const string ResyncKind = "Resync";

    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;

    public async Task OnEventsAsync(IReadOnlyList<DistrictEvent> events, DistrictFigures? figures)
    {
        foreach (var change in events)
        {
            if (!string.IsNullOrWhiteSpace(change.TownCode))
            {
                await PushAsync(change.TownCode, change.Kind.ToString(), change.SubjectCode, change.Title, change.At);
            }
        }
    }

    public async Task OnResyncAsync()
    {
        foreach (var town in await towns.ListAsync())
        {
            await PushAsync(town.Code, ResyncKind, string.Empty, string.Empty, DateTimeOffset.UtcNow);
        }
    }

    private async Task PushAsync(string townCode, string kind, string subject, string title, DateTimeOffset at)
    {
        var update = new TownLiveUpdate(epoch, Interlocked.Increment(ref sequence), townCode, kind, subject, title, at);
        try
        {
            await hub.Clients.Group(LiveGroup.ForTown(townCode).Name).Town(update);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failed push must not end the town pages' liveness for everyone.
            logger.LogError(exception, "Pushing a change of town {TownCode} failed", townCode);
        }
    }
}
