using System.Net;
using System.Net.Sockets;
using Dashboard.Auth;
using Dashboard.Wall;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Storage;

namespace Dashboard.Tests.Security;

/// <summary>The session check while the database is unreachable (a PostgreSQL that refuses connections): the stamp this process
/// read last stays trusted, and with none read it says the storage is unavailable (the cookie events then treat the request as
/// anonymous instead of failing it, so the "temporarily unavailable" page can render).</summary>
public sealed class SessionValidatorOutageTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly PostgresDatabase unreachable = new($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=postgres;Timeout=2");
    private readonly SessionValidator sessions;

    public SessionValidatorOutageTests()
    {
        var users = new UserStore(unreachable, clock, new PasswordHasher<DashboardUser>());
        sessions = new SessionValidator(users, new WallTokenStore(unreachable, clock), clock, Options.Create(new SessionCheckOptions()));
    }

    public void Dispose() => unreachable.Dispose();

    [Fact]
    public async Task IsCurrent_DatabaseDownAfterTheStampWasRead_TrustsTheLastStamp()
    {
        // Arrange: the stamp was read, and its cache time has run out.
        sessions.Remember("dispatcher", "stamp-1");
        clock.Advance(new SessionCheckOptions().StampCacheDuration * 2);

        // Act
        var current = await sessions.IsCurrentAsync(Principal("stamp-1"), CancellationToken.None);
        var old = await sessions.IsCurrentAsync(Principal("stamp-0"), CancellationToken.None);

        // Assert
        Assert.True(current);
        Assert.False(old);
    }

    [Fact]
    public async Task IsCurrent_DatabaseDownAndNoStampRead_SaysStorageUnavailable()
    {
        // Act
        var refusal = await Record.ExceptionAsync(async () => await sessions.IsCurrentAsync(Principal("stamp-1"), CancellationToken.None));

        // Assert
        Assert.IsType<StorageUnavailableException>(refusal);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(string stamp) =>
        DashboardClaims.ToPrincipal(new DashboardUser("dispatcher", "调度员", DashboardRoles.Dispatcher, null, false, "hash") { SecurityStamp = stamp }, "test");

    // A port nothing listens on: bound, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
