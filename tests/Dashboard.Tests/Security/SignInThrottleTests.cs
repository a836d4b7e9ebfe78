using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Storage;

namespace Dashboard.Tests.Security;

/// <summary>Guessing passwords through the real sign-in form: per-account lockout kept in the database (both engines), the
/// per-address rate limit, and the same hashing work for known and unknown user names.</summary>
public abstract class SignInThrottleTests(DatabaseProvider provider)
{
    private const string WrongPassword = "not-the-password";

    [Fact]
    public async Task SignIn_GuessedPasswords_LockTheAccountAndRefuseTheRightPassword()
    {
        // Arrange
        await using var factory = DashboardFactory.WithServices(_ => { }, provider: provider);
        using var client = factory.CreateClient(new CookieContainer());
        var maxFailures = new AccountSecurityOptions().MaxFailures;

        // Act: guesses up to the limit, then the right password.
        var guesses = new List<(HttpStatusCode Status, string? Alert)>();
        for (var attempt = 0; attempt < maxFailures; attempt++)
        {
            using var guess = await client.SignInAsync(DashboardRoles.Dispatcher, WrongPassword);
            guesses.Add((guess.StatusCode, await SecurityPages.AlertAsync(guess)));
        }

        using var right = await client.SignInAsync(DashboardRoles.Dispatcher, DemoAccounts.Password);
        var rightAlert = await SecurityPages.AlertAsync(right);

        // Assert: the guesses before the limit say "wrong"; the last one and the right password say "locked, try after".
        Assert.All(guesses.SkipLast(1), g => Assert.Equal("用户名或密码错误。", g.Alert));
        Assert.Equal(HttpStatusCode.TooManyRequests, guesses[^1].Status);
        Assert.Contains("已暂时锁定", guesses[^1].Alert, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("已暂时锁定", rightAlert, StringComparison.Ordinal);
        Assert.Matches(@"请于 \d\d:\d\d 后（约 1[45] 分钟）再试", rightAlert);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        using var page = await client.GetAsync("/appeals");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignIn_LockedAccount_OtherAccountsStillSignIn()
    {
        // Arrange
        await using var factory = DashboardFactory.WithServices(_ => { }, provider: provider);
        using var client = factory.CreateClient(new CookieContainer());
        for (var attempt = 0; attempt < new AccountSecurityOptions().MaxFailures; attempt++)
        {
            using var _ = await client.SignInAsync(DashboardRoles.Town, WrongPassword);
        }

        // Act
        using var other = await client.SignInAsync(DashboardRoles.Leader, DemoAccounts.Password);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUserName_IsLockedLikeAKnownOne()
    {
        // Arrange: a lockout that only known names got would tell which names exist.
        await using var factory = DashboardFactory.WithServices(_ => { }, provider: provider);
        using var client = factory.CreateClient(new CookieContainer());
        string? last = null;

        // Act
        for (var attempt = 0; attempt < new AccountSecurityOptions().MaxFailures; attempt++)
        {
            using var guess = await client.SignInAsync("no-such-user", WrongPassword);
            last = await SecurityPages.AlertAsync(guess);
        }

        // Assert
        Assert.Contains("已暂时锁定", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LockoutOver_TheRightPasswordSignsIn()
    {
        // Arrange: a short lockout, so that the test can wait it out.
        var lockout = TimeSpan.FromSeconds(2);
        await using var factory = DashboardFactory.WithServices(
            services => services.Configure<AccountSecurityOptions>(o => o.LockoutDuration = lockout), provider: provider);
        using var client = factory.CreateClient(new CookieContainer());
        for (var attempt = 0; attempt < new AccountSecurityOptions().MaxFailures; attempt++)
        {
            using var _ = await client.SignInAsync(DashboardRoles.Steward, WrongPassword);
        }

        using var locked = await client.SignInAsync(DashboardRoles.Steward, DemoAccounts.Password);
        await Task.Delay(lockout + TimeSpan.FromMilliseconds(500));

        // Act
        using var after = await client.SignInAsync(DashboardRoles.Steward, DemoAccounts.Password);

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignIn_ManyPostsFromOneAddress_AreThrottledWithAMessage()
    {
        // Arrange: a low per-address limit; every post comes from the same (test) address.
        await using var factory = DashboardFactory.WithServices(
            services => services.Configure<AccountSecurityOptions>(o => o.AddressPermitLimit = 3), provider: provider);
        var cookies = new CookieContainer();
        using var client = factory.CreateClient(cookies);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var _ = await client.SignInAsync($"user-{attempt}", WrongPassword);
        }

        // Act: the fourth post, even with the right password, is refused before anything is checked.
        using var throttled = await client.SignInAsync(DashboardRoles.Leader, DemoAccounts.Password, returnUrl: "/wall");
        var location = new Uri(factory.Server.BaseAddress, throttled.Headers.Location!);
        using var page = await client.GetAsync(location);
        using var script = await factory.CreateDefaultClient().PostAsync("/signin", new FormUrlEncodedContent([]));

        // Assert: the browser is sent back to the form, which says to wait; a script gets 429 with Retry-After.
        Assert.Equal(HttpStatusCode.SeeOther, throttled.StatusCode);
        Assert.Equal("/signin", location.AbsolutePath);
        Assert.Contains("returnUrl=%2Fwall", location.Query, StringComparison.Ordinal);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("此地址的登录尝试过于频繁", await SecurityPages.AlertAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, script.StatusCode);
        var (events, _) = await factory.Services.GetRequiredService<SecurityEventLog>().PageAsync(1, 50, CancellationToken.None);
        var logged = Assert.Single(events, e => e.Kind == nameof(SecurityEventKind.SignInThrottled) && e.UserName == DashboardRoles.Leader);
        Assert.True(logged.Throttled);
    }

    [Fact]
    public async Task SignIn_UnknownAndKnownUser_RunTheSameHashingWork()
    {
        // Arrange: the real PBKDF2 hasher, counted.
        var hasher = new CountingHasher();
        await using var factory = DashboardFactory.WithServices(services => services.AddSingleton<IPasswordHasher<DashboardUser>>(hasher), provider: provider);
        using var client = factory.CreateClient(new CookieContainer());
        await client.AntiforgeryTokenAsync("/signin");

        // Act
        var before = hasher.Verifications;
        using (await client.SignInAsync("no-such-user", WrongPassword))
        {
        }

        var unknown = hasher.Verifications - before;
        before = hasher.Verifications;
        using (await client.SignInAsync(DashboardRoles.Dispatcher, WrongPassword))
        {
        }

        var known = hasher.Verifications - before;

        // Assert: one full password check each; the unknown name against a hash made by the same hasher.
        Assert.Equal(1, unknown);
        Assert.Equal(1, known);
        Assert.All(hasher.VerifiedHashes, hash => Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal));
        var (events, _) = await factory.Services.GetRequiredService<SecurityEventLog>().PageAsync(1, 50, CancellationToken.None);
        Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.SignInFailed) && e.UserName == "no-such-user" && !e.Throttled);
        Assert.Contains(events, e => e.Kind == nameof(SecurityEventKind.SignInFailed) && e.UserName == DashboardRoles.Dispatcher);
    }

    /// <summary>ASP.NET Core Identity's hasher, counting the password checks it does.</summary>
    private sealed class CountingHasher : IPasswordHasher<DashboardUser>
    {
        private readonly PasswordHasher<DashboardUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public System.Collections.Concurrent.ConcurrentBag<string> VerifiedHashes { get; } = [];

        public string HashPassword(DashboardUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(DashboardUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            VerifiedHashes.Add(hashedPassword);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SignInThrottleSqliteTests() : SignInThrottleTests(DatabaseProvider.Sqlite);

public sealed class SignInThrottlePostgresTests() : SignInThrottleTests(DatabaseProvider.Postgres);
