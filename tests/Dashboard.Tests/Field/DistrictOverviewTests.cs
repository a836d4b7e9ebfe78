using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dashboard.Auth;

namespace Dashboard.Tests.Field;

/// <summary>The district-wide views over the loaded demo district, on each database engine: the wall snapshot (figures
/// recounted from the read model, towns, markers) and the admin's runtime page (grains the load activated).</summary>
public abstract class DistrictOverviewTests(FieldHost host)
{
    [Fact]
    public async Task WallSnapshot_DemoDistrict_HasRecountedFiguresTownsAndProjectMarkers()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Leader);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wall/snapshot") { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } };

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var snapshot = json.RootElement;
        Assert.True(snapshot.GetProperty("isAvailable").GetBoolean());
        Assert.True(snapshot.GetProperty("figures").GetProperty("enterprises").GetInt32() > 0);
        Assert.True(snapshot.GetProperty("figures").GetProperty("appealsReceived").GetInt32() > 0);
        Assert.True(snapshot.GetProperty("towns").GetArrayLength() > 0);
        Assert.True(snapshot.GetProperty("markers").GetArrayLength() > 0);
    }

    [Fact]
    public async Task RuntimePage_AdminAfterTheDemoLoad_ListsActiveGrainTypes()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Admin);

        // Act
        var (status, page) = await client.GetPageAsync("/admin/runtime");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("tbody[data-field=grainTypes] tr th[scope=row]");
        Assert.NotEmpty(rows);
    }
}

[Collection(FieldCollection.Name)]
public sealed class DistrictOverviewSqliteTests(SqliteFieldHost host) : DistrictOverviewTests(host);

[Collection(PostgresFieldCollection.Name)]
public sealed class DistrictOverviewPostgresTests(PostgresFieldHost host) : DistrictOverviewTests(host);
