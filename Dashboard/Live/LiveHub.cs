using Dashboard.Appeals;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Orleans;

namespace Dashboard.Live;

/// <summary>The dashboard's one hub (/hubs/live). A page subscribes to the groups it shows; each
/// subscription is checked on the server by <see cref="LiveGroupAuthorizer"/>, so that no browser
/// receives data its user may not see. Sessions are checked on every call, and connections of ended sessions closed, by
/// <see cref="LiveSessionHubFilter"/>.</summary>
[Authorize(Policy = DashboardPolicies.LiveHub)]
internal sealed class LiveHub(AppealBroadcaster appeals, AppealLookup lookup, ILogger<LiveHub> logger) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        appeals.Forget(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>The silo's runtime figures (admins only).</summary>
    public Task SubscribeRuntime() => JoinAsync(LiveGroup.Runtime);

    /// <summary>The district wall (leaders, admins and wall kiosks).</summary>
    public Task SubscribeWall() => JoinAsync(LiveGroup.Wall);

    /// <summary>One town's grid (that town's operator, or a district-wide role).</summary>
    public Task SubscribeTown(string townId) => JoinAsync(LiveGroup.ForTown(townId));

    /// <summary>One appeal's changes (whoever may open that appeal); answers the appeal's version now, so a page learns
    /// of a change that landed between its render and this subscription.</summary>
    public async Task<long> SubscribeAppeal(string appealId)
    {
        var appeal = await lookup.GetAsync(appealId);
        await JoinAsync(LiveGroup.ForAppeal(appealId ?? string.Empty), appeal);
        appeals.Watch(Context.ConnectionId, appeal!.Id);
        return appeal.EventCount;
    }

    private async Task JoinAsync(LiveGroup group, Appeal? appeal = null)
    {
        if (!LiveGroupAuthorizer.MayJoin(Context.User ?? new(), group, appeal))
        {
            logger.LogWarning("Refused live subscription to {Group} for user {UserName}", group.Name, Context.User?.Identity?.Name);
            throw new HubException("Forbidden");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group.Name, Context.ConnectionAborted);
    }
}
