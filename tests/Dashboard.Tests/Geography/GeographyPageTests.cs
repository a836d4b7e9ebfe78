using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dashboard.Auth;
using Dashboard.Geography;
using Dashboard.Tests.Appeals;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.District;
using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Dashboard.Tests.Geography;

/// <summary>One app with the demo district for the class (loading it is the slow part); each test compares before and after.</summary>
public sealed class DemoDistrictApp : IAsyncLifetime
{
    public DashboardFactory Factory { get; } = DashboardFactory.WithDemoDistrict();

    public Task InitializeAsync() => Factory.WaitForDemoDistrictAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>/admin/geography against the real app and the demo district: export, edit, import, and refusals that change nothing.</summary>
public sealed class GeographyPageTests(DemoDistrictApp app) : IClassFixture<DemoDistrictApp>, IAsyncLifetime
{
    private const string PagePath = "/admin/geography";
    private readonly DashboardFactory factory = app.Factory;
    private HttpClient admin = new();

    public async Task InitializeAsync()
    {
        admin = factory.CreateClient(new CookieContainer());
        using var _ = await admin.AsDemoAsync(DashboardRoles.Admin);
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Import_TheExportedFile_AcceptedAndNothingLost()
    {
        // Arrange
        var exported = await admin.GetStringAsync(GeographyEndpoints.ExportPath);
        var before = await TownsAsync();

        // Act
        using var response = await ImportAsync(exported);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains("已导入", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        var after = await TownsAsync();
        Assert.Equal(before.Select(t => (t.Code, t.Boundary.Length, t.Grids.Length)), after.Select(t => (t.Code, t.Boundary.Length, t.Grids.Length)));
    }

    [Fact]
    public async Task Import_FewerGridsForOneTown_TownAndItsMapHaveThem()
    {
        // Arrange: only the first two grid cells of one town.
        var town = (await TownsAsync())[1];
        var features = JsonNode.Parse(await admin.GetStringAsync(GeographyEndpoints.ExportPath))!["features"]!.AsArray()
            .Where(f => (string?)f!["properties"]!["kind"] == "grid" && (string?)f["properties"]!["town"] == town.Code)
            .Take(2)
            .Select(f => f!.DeepClone());
        var file = new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) }.ToJsonString();

        // Act
        using var response = await ImportAsync(file);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await TownsAsync()).Single(t => t.Code == town.Code).Grids.Length);
        var map = JsonNode.Parse(await admin.GetStringAsync($"/towns/{town.Code}/map.json"))!;
        Assert.Equal(2, map["grids"]!.AsArray().Count);
    }

    [Fact]
    public async Task Import_SwappedCoordinates_RefusedWithTheReasonAndNothingChanged()
    {
        // Arrange: one grid cell written [latitude, longitude].
        var before = await TownsAsync();
        var collection = JsonNode.Parse(await admin.GetStringAsync(GeographyEndpoints.ExportPath))!;
        var grid = collection["features"]!.AsArray().First(f => (string?)f!["properties"]!["kind"] == "grid")!;
        foreach (var position in grid["geometry"]!["coordinates"]![0]!.AsArray())
        {
            var (longitude, latitude) = ((double)position![0]!, (double)position[1]!);
            position[0] = latitude;
            position[1] = longitude;
        }

        // Act
        using var response = await ImportAsync(collection.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var alert = (await response.HtmlAsync()).QuerySelector("[role=alert]")?.TextContent;
        Assert.Contains("没有任何改动", alert, StringComparison.Ordinal);
        Assert.Contains("似乎把纬度写在了前面", alert, StringComparison.Ordinal);
        Assert.Equal(before.Select(t => t.Grids.Length), (await TownsAsync()).Select(t => t.Grids.Length));
    }

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Town)]
    public async Task PageAndExport_NotAdmin_Refused(string role)
    {
        // Arrange
        using var client = factory.CreateClient(new CookieContainer());
        using var _ = await client.AsDemoAsync(role);

        // Act
        using var page = await client.GetAsync(PagePath);
        using var export = await client.GetAsync(GeographyEndpoints.ExportPath);

        // Assert
        Assert.Equal("/access-denied", page.Headers.Location?.AbsolutePath);
        Assert.True(export.StatusCode is HttpStatusCode.Forbidden || export.Headers.Location?.AbsolutePath == "/access-denied", export.StatusCode.ToString());
    }

    private async Task<HttpResponseMessage> ImportAsync(string geoJson)
    {
        var hidden = FormPost.HiddenFields(await admin.PageAsync(PagePath), "geography-import");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(geoJson)), "file", "district.geojson");
        return await admin.PostAsync(PagePath, content);
    }

    private Task<IReadOnlyList<Grains.Abstractions.Towns.TownProfile>> TownsAsync() =>
        factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDistrictGrain>(new DomainOptions().DistrictCode).GetTowns();
}
