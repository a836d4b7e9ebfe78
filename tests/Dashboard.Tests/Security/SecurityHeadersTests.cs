using System.Net;
using Dashboard.Auth;
using Dashboard.Http;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Security;

/// <summary>The security headers on every kind of response: pages, the JSON API, static files, redirects, refusals and the
/// error page; framing refused everywhere but on /wall from a configured origin; HSTS and secure cookies over HTTPS.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public static TheoryData<string, string, string, int> Responses() => new()
    {
        // principal, accept, path, expected status
        { "anonymous", "text/html", "/signin", 200 },
        { "anonymous", "text/html", "/admin/security", 302 },
        { "anonymous", "application/json", "/hubs/live/negotiate", 401 },
        { "anonymous", "text/css", "/css/site.css", 200 },
        { "anonymous", "*/*", "/lib/bootstrap/bootstrap.bundle.min.js", 200 },
        { "anonymous", "text/html", "/no-such-page", 404 },
        { DashboardRoles.Dispatcher, "text/html", "/no-such-page", 404 },
        { DashboardRoles.Admin, "text/html", "/admin/security", 200 },
        { DashboardRoles.Admin, "text/html", "/admin/wall-tokens", 200 },
        { DashboardRoles.Admin, "text/html", "/account/password", 200 },
        { DashboardRoles.Leader, "text/html", "/wall", 200 },
        { DashboardRoles.Leader, "application/json", "/wall/snapshot", 200 },
        { DashboardRoles.Dispatcher, "application/json", "/api/appeals/no-such-appeal", 404 },
        { DashboardRoles.Dispatcher, "text/html", "/admin/security", 302 },
        { DashboardRoles.Dispatcher, "application/json", "/admin/security", 403 },
        // A key longer than any key: thrown, caught by the exception handler (which clears the response's headers) and
        // rendered by the error page.
        { DashboardRoles.Dispatcher, "text/html", $"/appeals/{new string('x', 200)}", 404 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_AnyKind_CarriesTheSecurityHeaders(string principal, string accept, string path, int status)
    {
        // Arrange
        using var client = factory.CreateClient(new CookieContainer());
        if (principal != "anonymous")
        {
            await client.SignInOrFailAsync(principal, DemoAccounts.Password);
        }

        // Act
        using var request = new HttpRequestMessage(path.EndsWith("negotiate", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(status, (int)response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task WallPage_FrameAncestorsConfigured_AllowsThatOriginOnTheWallOnly()
    {
        // Arrange
        await using var configured = DashboardFactory.WithServices(services =>
            services.Configure<SecurityHeadersOptions>(o => o.WallFrameAncestors = ["https://portal.example.gov.cn"]));
        using var client = configured.CreateClient(new CookieContainer());
        await client.SignInOrFailAsync(DashboardRoles.Leader, DemoAccounts.Password);

        // Act
        using var wall = await client.GetAsync("/wall");
        using var other = await client.GetAsync("/account/password");

        // Assert
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        Assert.EndsWith("frame-ancestors https://portal.example.gov.cn", Header(wall, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(wall.Headers.Contains("X-Frame-Options"));
        Assert.EndsWith("frame-ancestors 'none'", Header(other, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(other, "X-Frame-Options"));
    }

    [Fact]
    public async Task WallTokenRedirect_KeepsItsStricterReferrerPolicy()
    {
        // Arrange
        var issued = await factory.Services.GetRequiredService<Dashboard.Wall.WallTokenStore>()
            .CreateAsync("headers", "admin", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        using var client = factory.CreateClient(new CookieContainer());

        // Act
        using var response = await client.GetAsync($"/wall?token={issued.Secret}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_OutsideDevelopment_SendsHstsAndSecureCookies()
    {
        // Arrange: the app as in production, asked over HTTPS (directly, or through a proxy with forwarded headers enabled).
        var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example"), AllowAutoRedirect = false });
        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://dashboard.example"), AllowAutoRedirect = false });
        https.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        // Act
        using var overHttps = await https.GetAsync("/signin");
        using var signIn = await https.SignInAsync(DashboardRoles.Leader, DemoAccounts.Password);
        using var overHttp = await http.GetAsync("/signin");

        // Assert
        Assert.Equal("max-age=31536000", Header(overHttps, "Strict-Transport-Security"));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CommandCentre.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.All(overHttp.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://t{s}.tianditu.gov.cn/img_w/wmts?tk={tk}", "https://*.tianditu.gov.cn")]
    [InlineData("http://tiles.local:8080/{z}/{x}/{y}.png", "http://tiles.local:8080")]
    [InlineData("", null)]
    [InlineData("javascript:alert(1)", null)]
    public void TileOrigin_FromTileUrl_IsTheImageSourceToAllow(string tileUrl, string? expected)
    {
        // Act
        var origin = SecurityHeaders.TileOrigin(tileUrl);

        // Assert
        Assert.Equal(expected, origin);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
