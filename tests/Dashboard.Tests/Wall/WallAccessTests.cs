using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Dashboard.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Wall;

/// <summary>The role × route matrix of the wall: pages, the snapshot JSON, the wall-token admin page and
/// the wall's hub group, for every role, anonymous, and kiosks with valid, revoked, expired and forged tokens.</summary>
public sealed class WallAccessTests : IAsyncLifetime
{
    private const string Allowed = "allowed";
    private const string SignIn = "signin";
    private const string Denied = "denied";

    private readonly DashboardFactory factory = new();
    private readonly CookieContainer cookies = new();
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private HttpClient client = new();

    public Task InitializeAsync()
    {
        client = factory.CreateClient(cookies);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        timeout.Dispose();
        await factory.DisposeAsync();
    }

    public static TheoryData<string, string, string> PageMatrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var role in DashboardRoles.All)
        {
            var wall = role is DashboardRoles.Leader or DashboardRoles.Admin ? Allowed : Denied;
            data.Add(role, "/wall", wall);
            data.Add(role, "/wall/snapshot", wall);
            data.Add(role, "/admin/wall-tokens", role == DashboardRoles.Admin ? Allowed : Denied);
        }

        data.Add("anonymous", "/wall", SignIn);
        data.Add("anonymous", "/wall/snapshot", SignIn);
        data.Add("anonymous", "/admin/wall-tokens", SignIn);
        data.Add("kiosk", "/wall", Allowed);
        data.Add("kiosk", "/wall/snapshot", Allowed);
        data.Add("kiosk", "/admin/wall-tokens", Denied);
        data.Add("kiosk", "/admin/runtime", Denied);
        data.Add("kiosk", "/", Denied);
        return data;
    }

    [Theory]
    [MemberData(nameof(PageMatrix))]
    public async Task Route_ByPrincipal_IsAllowedOrRefusedAsExpected(string principal, string path, string expected)
    {
        // Arrange
        await SignInAsAsync(principal);

        // Act: once as a browser (HTML), once as a script (JSON).
        using var browser = await client.GetAsync(path);
        using var script = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Accept = { new("application/json") } } });

        // Assert
        switch (expected)
        {
            case Allowed:
                Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
                Assert.Equal(HttpStatusCode.OK, script.StatusCode);
                break;
            case SignIn:
                Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
                Assert.Equal("/signin", browser.Headers.Location?.AbsolutePath);
                Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
                Assert.Equal("/access-denied", browser.Headers.Location?.AbsolutePath);
                Assert.Equal(HttpStatusCode.Forbidden, script.StatusCode);
                break;
        }
    }

    public static TheoryData<string, string, bool> HubMatrix()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var role in DashboardRoles.All)
        {
            data.Add(role, "SubscribeWall", role is DashboardRoles.Leader or DashboardRoles.Admin);
        }

        data.Add("kiosk", "SubscribeWall", true);
        data.Add("kiosk", "SubscribeRuntime", false);
        data.Add("kiosk", "SubscribeTown", false);
        return data;
    }

    [Theory]
    [MemberData(nameof(HubMatrix))]
    public async Task HubSubscription_ByPrincipal_IsAllowedOrForbidden(string principal, string method, bool allowed)
    {
        // Arrange
        await SignInAsAsync(principal);
        await using var hub = await RawHubClient.ConnectAsync(factory.Server, "/hubs/live", cookies.GetCookieHeader(factory.Server.BaseAddress), timeout.Token);

        // Act
        var error = await hub.InvokeAsync(method, method == "SubscribeTown" ? ["town-01"] : [], timeout.Token);

        // Assert
        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            Assert.Contains("Forbidden", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WallPage_Leader_RendersTheCompleteFirstView()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Leader);

        // Act
        using var response = await client.GetAsync("/wall");

        // Assert
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document.QuerySelector("#wall[data-epoch][data-sequence]"));
        Assert.Equal(7, document.QuerySelectorAll(".wall-kpis .kpi").Length);
        Assert.NotNull(document.QuerySelector("tbody[data-field=departments]"));
        Assert.NotNull(document.QuerySelector("tbody[data-field=towns]"));
        Assert.NotNull(document.QuerySelector("ol[data-field=feed]"));
        Assert.NotNull(document.QuerySelector("script[type=module][src='/js/wall.js']"));
        Assert.Null(document.QuerySelector(".cc-header"));
    }

    [Fact]
    public async Task WallToken_Valid_SignsInAKioskAndDropsTheSecretFromTheAddress()
    {
        // Arrange
        var issued = await IssueAsync(TimeSpan.FromDays(1));

        // Act
        using var response = await client.GetAsync($"/wall?token={issued.Secret}");
        using var wall = await client.GetAsync("/wall");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/wall", response.Headers.Location?.OriginalString);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        Assert.NotNull((await Store().FindAsync(issued.Token.Id, CancellationToken.None))?.LastUsedAt);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("empty")]
    public async Task WallToken_NotValid_Returns401WithNothingLeaked(string kind)
    {
        // Arrange
        var secret = kind switch
        {
            "forged" => "dGhpcy1pcy1ub3QtYS1yZWFsLXdhbGwtdG9rZW4tYXQtYWxs",
            "revoked" => await RevokedSecretAsync(),
            "expired" => (await IssueAsync(TimeSpan.FromMinutes(-1))).Secret,
            _ => "",
        };

        // Act
        using var response = await client.GetAsync($"/wall?token={Uri.EscapeDataString(secret)}");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
    }

    [Fact]
    public async Task WallToken_RevokedAfterSignIn_EndsTheKioskSession()
    {
        // Arrange
        var issued = await IssueAsync(TimeSpan.FromDays(1));
        using (await client.GetAsync($"/wall?token={issued.Secret}"))
        {
        }

        // Act
        await Store().RevokeAsync(issued.Token.Id, CancellationToken.None);
        using var snapshot = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/wall/snapshot") { Headers = { Accept = { new("application/json") } } });
        using var negotiate = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, snapshot.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task AdminPage_CreateAndRevoke_ShowsTheLinkOnceAndRevokes()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);
        var token = await client.AntiforgeryTokenAsync("/admin/wall-tokens");

        // Act: create.
        using var created = await client.PostAsync("/admin/wall-tokens", Form(token, ("_handler", "create-wall-token"), ("Label", "指挥中心主屏"), ("Days", "30")));
        var createdPage = new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var url = createdPage.QuerySelector("#wall-token-url")?.GetAttribute("value") ?? "";
        using var listed = await client.GetAsync("/admin/wall-tokens");
        var listedPage = new HtmlParser().ParseDocument(await listed.Content.ReadAsStringAsync());

        // Assert: the link is shown once, opens the wall, and the list does not show it again.
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("http://localhost/wall?token=", url, StringComparison.Ordinal);
        var secret = url[(url.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.Null(listedPage.QuerySelector("#wall-token-url"));
        Assert.DoesNotContain(secret, listedPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("指挥中心主屏", listedPage.QuerySelector("tbody th")?.TextContent);

        // Act: revoke through the row's form.
        var tokenId = listedPage.QuerySelector("[name=TokenId]")?.GetAttribute("value") ?? "";
        using var revoked = await client.PostAsync("/admin/wall-tokens", Form(token, ("_handler", "revoke-wall-token"), ("TokenId", tokenId)));
        using var kiosk = factory.CreateClient(new CookieContainer());
        using var opened = await kiosk.GetAsync($"/wall?token={secret}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull((await Store().FindAsync(tokenId, CancellationToken.None))?.RevokedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, opened.StatusCode);
    }

    [Theory]
    [InlineData("create-wall-token")]
    [InlineData("revoke-wall-token")]
    public async Task AdminPage_PostWithoutAntiforgeryToken_IsRejected(string formName)
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);
        var issued = await IssueAsync(TimeSpan.FromDays(1));

        // Act
        using var response = await client.PostAsync("/admin/wall-tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = formName,
            ["Label"] = "x",
            ["TokenId"] = issued.Token.Id,
        }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await Store().FindAsync(issued.Token.Id, CancellationToken.None))?.RevokedAt);
        Assert.Single(await Store().ListAsync(CancellationToken.None));
    }

    private async Task SignInAsAsync(string principal)
    {
        if (principal == "anonymous")
        {
            return;
        }

        if (principal == "kiosk")
        {
            var issued = await IssueAsync(TimeSpan.FromDays(1));
            using var kiosk = await client.GetAsync($"/wall?token={issued.Secret}");
            Assert.Equal(HttpStatusCode.Redirect, kiosk.StatusCode);
            return;
        }

        using var response = await client.AsDemoAsync(principal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private WallTokenStore Store() => factory.Services.GetRequiredService<WallTokenStore>();

    private Task<IssuedWallToken> IssueAsync(TimeSpan validFor) =>
        Store().CreateAsync($"wall-{Guid.NewGuid():N}", "admin", DateTimeOffset.UtcNow + validFor, CancellationToken.None);

    private async Task<string> RevokedSecretAsync()
    {
        var issued = await IssueAsync(TimeSpan.FromDays(1));
        Assert.True(await Store().RevokeAsync(issued.Token.Id, CancellationToken.None));
        return issued.Secret;
    }

    private static FormUrlEncodedContent Form(string antiforgery, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", antiforgery)));
}
