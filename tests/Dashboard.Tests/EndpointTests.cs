using System.Net;
using AngleSharp.Html.Parser;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests;

public sealed class EndpointTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();
    private readonly CookieContainer cookies = new();
    private HttpClient client = new();

    public Task InitializeAsync()
    {
        client = factory.CreateClient(cookies);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task RuntimePage_Anonymous_RedirectsToSignIn()
    {
        // Act
        using var response = await client.GetAsync("/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
        Assert.Contains("returnUrl=%2Fadmin%2Fruntime", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/nothing/here/at-all")]
    public async Task UnknownAddress_Anonymous_NotFoundPageInTheAppFrameWithAWayBack(string path)
    {
        // Act
        using var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("页面不存在", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("header.cc-header"));
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    public async Task PackageAsset_AnonymousInProduction_Served(string path)
    {
        // Act: the sign-in page needs them before anyone is signed in; `dotnet run` runs as Production.
        using var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, response.Content.Headers.ContentLength ?? (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task HubNegotiate_Anonymous_Returns401()
    {
        // Act
        using var response = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RuntimePage_TamperedCookie_RedirectsToSignIn()
    {
        // Arrange: a real admin cookie with one character changed.
        await client.AsDemoAsync(DashboardRoles.Admin);
        var authCookie = cookies.GetAllCookies().Single(c => c.Name == ".CommandCentre.Auth");
        var value = authCookie.Value;
        authCookie.Value = value[..^5] + (value[^5] == 'A' ? 'B' : 'A') + value[^4..];

        // Act
        using var response = await client.GetAsync("/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Steward)]
    [InlineData(DashboardRoles.Town)]
    [InlineData(DashboardRoles.Enterprise)]
    public async Task RuntimePage_NonAdminRole_IsForbidden(string role)
    {
        // Arrange
        await client.AsDemoAsync(role);

        // Act
        using var browser = await client.GetAsync("/admin/runtime");
        using var script = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/runtime") { Headers = { Accept = { new("application/json") } } });
        using var deniedPage = await client.GetAsync(browser.Headers.Location);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
        Assert.Equal("/access-denied", browser.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, script.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);
    }

    [Fact]
    public async Task RuntimePage_Admin_RendersTheRuntimeTable()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);

        // Act
        using var response = await client.GetAsync("/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document.QuerySelector("table.cc-runtime-table"));
        Assert.NotNull(document.QuerySelector("output[data-field=sequence]"));
        Assert.NotNull(document.QuerySelector("script[src='/js/runtime.js']"));
    }

    [Fact]
    public async Task SignIn_RightPassword_RedirectsToReturnUrlWithCookie()
    {
        // Act
        using var response = await client.SignInAsync(DashboardRoles.Admin, DemoAccounts.Password, returnUrl: "/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/admin/runtime"), response.Headers.Location);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
    }

    [Fact]
    public async Task SignIn_OffSiteReturnUrl_RedirectsHome()
    {
        // Act
        using var response = await client.SignInAsync(DashboardRoles.Admin, DemoAccounts.Password, returnUrl: "//evil.example/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_WrongPassword_FailsWithMessage()
    {
        // Act
        using var response = await client.SignInAsync(DashboardRoles.Admin, "not-the-password");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("用户名或密码错误。", document.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
        Assert.Equal("", document.QuerySelector("#password")?.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        // Arrange
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Input.UserName"] = DashboardRoles.Admin,
            ["Input.Password"] = DemoAccounts.Password,
        });

        // Act
        using var response = await client.PostAsync("/signin", form);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == ".CommandCentre.Auth");
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_IsRejectedAndKeepsTheSession()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);

        // Act
        using var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        using var after = await client.GetAsync("/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_PostWithAntiforgeryToken_EndsTheSession()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);
        var token = await client.AntiforgeryTokenAsync("/account/password");

        // Act
        using var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await client.GetAsync("/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/signin", after.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Culture_SwitchToEnglish_RendersEnglishStrings()
    {
        // Arrange
        var token = await client.AntiforgeryTokenAsync("/signin");

        // Act
        using var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en",
            ["returnUrl"] = "/signin",
        }));
        using var page = await client.GetAsync("/signin");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in to the command centre", document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task SignInPage_Default_IsSimplifiedChineseWithDemoLabel()
    {
        // Act
        using var response = await client.GetAsync("/signin");

        // Assert
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("zh-Hans", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("企业服务指挥中心", document.QuerySelector(".navbar-brand")?.TextContent.Trim());
        Assert.Equal("演示数据", document.QuerySelector(".cc-header .badge")?.TextContent.Trim());
    }
}
