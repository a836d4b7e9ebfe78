using Dashboard.Wall;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Auth;

/// <summary>Keeps hub connections tied to their sessions: registers every connection (person or kiosk) so that an ended
/// session or a revoked wall token can close it, and refuses any hub method call whose session has ended since the
/// connection opened (the cookie was checked only when it did), closing the connection. A process that is stopping takes no
/// new connection: its open ones were closed so that pages reconnect elsewhere, and must not come back to it.</summary>
internal sealed class LiveSessionHubFilter(
    SessionValidator sessions,
    UserHubConnections users,
    WallKioskConnections kiosks,
    IHostApplicationLifetime lifetime,
    ILogger<LiveSessionHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        if (!await sessions.IsCurrentAsync(context.User, context.ConnectionAborted))
        {
            logger.LogWarning("Refused hub call {Method} for {UserName}: the session has ended", invocationContext.HubMethodName, context.User?.Identity?.Name);
            context.Abort();
            throw new HubException("Session ended");
        }

        return await next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = context.Context;
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            caller.Abort();
            return Task.CompletedTask;
        }

        if (caller.User?.IsKiosk() == true)
        {
            kiosks.Add(caller);
        }
        else if (caller.User?.Identity?.IsAuthenticated == true)
        {
            users.Add(caller);
        }

        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        kiosks.Remove(context.Context.ConnectionId);
        users.Remove(context.Context.ConnectionId);
        return next(context, exception);
    }
}
