using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Dashboard.Auth;

/// <summary>For interactive (Blazor Server) pages, whose circuit keeps the principal it started with: every
/// <see cref="RevalidationInterval"/> the circuit's user is checked like a cookie is (<see cref="SessionValidator"/>), and a
/// session that ended (sign-out, password change, revoked wall token) turns the circuit's user anonymous.</summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggerFactory, SessionValidator sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await sessions.IsCurrentAsync(authenticationState.User, cancellationToken);
}
