using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Dashboard.Auth;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Towns;

/// <summary>Who may open a town's page, its map data and its live fragment (role × route, own and other town).</summary>
public abstract class TownPageEndpointTests(TownDistrict district)
{
    private string OwnTown => district.Towns[1].Code;

    private string OtherTown => district.Towns[2].Code;

    [Fact]
    public async Task TownPage_TownOperatorOwnTown_Returns200WithMapListsAndLiveScript()
    {
        // Arrange
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, OwnTown);

        // Act
        using var response = await client.GetAsync($"/towns/{OwnTown}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal($"/towns/{OwnTown}/map.json", document.QuerySelector("#town-map")?.GetAttribute("data-map-url"));
        Assert.Equal(district.Towns[1].Name, document.QuerySelector("h1")?.ChildNodes[0].TextContent.Trim());
        Assert.NotNull(document.QuerySelector("#town-live"));
        Assert.NotNull(document.QuerySelector("#town-unpackaged-title"));
        Assert.NotNull(document.QuerySelector("table.cc-town-stations"));
        Assert.NotNull(document.QuerySelector("script[src='/js/town.js']"));
        Assert.NotEmpty(document.QuerySelectorAll("form.cc-assign-form"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("/live", true)]
    [InlineData("/map.json", false)]
    public async Task TownRoutes_TownOperatorOtherTown_Returns403(string suffix, bool browserIsRedirected)
    {
        // Arrange
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, OwnTown);

        // Act
        using var browser = await client.GetAsync($"/towns/{OtherTown}{suffix}");
        using var script = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/towns/{OtherTown}{suffix}") { Headers = { Accept = { new("application/json") } } });

        // Assert: a browser is sent to the access-denied page (which answers 403), except from a JSON API, which
        // like a script gets 403 itself.
        if (browserIsRedirected)
        {
            Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
            Assert.Equal("/access-denied", browser.Headers.Location?.AbsolutePath);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, browser.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, script.StatusCode);
        Assert.DoesNotContain(OtherTown, await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Admin)]
    public async Task TownRoutes_DistrictWideRole_Returns200ForAnyTown(string role)
    {
        // Arrange
        using var client = await district.SignedInClientAsync(role);

        // Act
        using var index = await client.GetAsync("/towns");
        using var page = await client.GetAsync($"/towns/{OtherTown}");
        using var map = await client.GetAsync($"/towns/{OtherTown}/map.json");
        using var live = await client.GetAsync($"/towns/{OtherTown}/live");

        // Assert
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var links = new HtmlParser().ParseDocument(await index.Content.ReadAsStringAsync()).QuerySelectorAll("table.cc-town-list a").Select(a => a.GetAttribute("href"));
        Assert.Equal(district.Towns.Select(t => $"/towns/{t.Code}"), links);
    }

    [Theory]
    [InlineData(DashboardRoles.Enterprise)]
    [InlineData(DashboardRoles.Steward)]
    [InlineData(DashboardRoles.Department)]
    public async Task TownRoutes_RoleWithoutTowns_Returns403(string role)
    {
        // Arrange
        using var client = await district.SignedInClientAsync(role);

        // Act
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/towns", $"/towns/{OwnTown}", $"/towns/{OwnTown}/map.json", $"/towns/{OwnTown}/live" })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Accept = { new("application/json") } } });
            statuses.Add(response.StatusCode);
        }

        // Assert
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Forbidden, status));
    }

    [Fact]
    public async Task TownIndex_TownOperator_RedirectsToTheirTown()
    {
        // Arrange
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, OwnTown);

        // Act
        using var response = await client.GetAsync("/towns");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/towns/{OwnTown}", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TownRoutes_Anonymous_RedirectsOrAnswers401()
    {
        // Arrange
        using var client = district.Factory.CreateClient(new CookieContainer());

        // Act
        using var page = await client.GetAsync($"/towns/{OwnTown}");
        using var map = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/towns/{OwnTown}/map.json") { Headers = { Accept = { new("application/json") } } });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", page.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, map.StatusCode);
    }

    [Fact]
    public async Task TownPage_UnknownTownAsDispatcher_Returns404()
    {
        // Arrange
        using var client = await district.SignedInClientAsync(DashboardRoles.Dispatcher);

        // Act
        using var page = await client.GetAsync("/towns/no-such-town");
        using var map = await client.GetAsync("/towns/no-such-town/map.json");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, map.StatusCode);
    }

    [Fact]
    public async Task MapJson_OwnTown_HasTheOutlineStationsAndEveryUnpackagedEnterpriseOfTheTownOnly()
    {
        // Arrange
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, OwnTown);
        var unpackaged = await district.UnpackagedAsync(OwnTown);
        var enterprises = district.Factory.Services.GetRequiredService<EnterpriseQueries>();
        var inTown = await enterprises.ListAsync(new EnterpriseListQuery { TownCode = OwnTown, Limit = 1 });

        // Act
        using var response = await client.GetAsync($"/towns/{OwnTown}/map.json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(OwnTown, root.GetProperty("code").GetString());
        Assert.Equal(district.Towns[1].Boundary.Length, root.GetProperty("boundary").GetArrayLength());
        Assert.True(root.GetProperty("stations").GetArrayLength() > 0);
        var points = root.GetProperty("enterprises").EnumerateArray().ToList();
        Assert.Equal(inTown.Total, points.Count);
        Assert.Equal(
            unpackaged.Where(e => e.Location is not null).Select(e => e.CreditCode).Order(StringComparer.Ordinal),
            points.Where(p => !p.GetProperty("p").GetBoolean()).Select(p => p.GetProperty("c").GetString()).Order(StringComparer.Ordinal));
        Assert.All(root.GetProperty("appeals").EnumerateArray(), a => Assert.Contains(a.GetProperty("light").GetString(), new[] { "Green", "Yellow", "Red" }));
    }

    [Fact]
    public async Task LiveFragment_OwnTown_RendersFiguresAndAppealsOnly()
    {
        // Arrange
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, OwnTown);

        // Act
        using var response = await client.GetAsync($"/towns/{OwnTown}/live?ap=1&ep=2");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var live = document.QuerySelector("#town-live");
        Assert.NotNull(live);
        Assert.Equal("2", live.GetAttribute("data-unpackaged-page"));
        Assert.NotNull(document.QuerySelector("[data-figure=coverage]"));
        Assert.Null(document.QuerySelector("header"));
    }
}

[Collection(SqliteTownCollection.Name)]
public sealed class TownPageEndpointSqliteTests(SqliteTownDistrict district) : TownPageEndpointTests(district);

[Collection(PostgresTownCollection.Name)]
public sealed class TownPageEndpointPostgresTests(PostgresTownDistrict district) : TownPageEndpointTests(district);
