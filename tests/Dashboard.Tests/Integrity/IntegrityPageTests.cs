using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Integrity;
using Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Storage;
using Storage.ReadModels;

namespace Dashboard.Tests.Integrity;

/// <summary>Who may open the integrity page: admins only.</summary>
public sealed class IntegrityPageAccessTests : IAsyncLifetime
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

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Steward)]
    [InlineData(DashboardRoles.Town)]
    [InlineData(DashboardRoles.Enterprise)]
    public async Task IntegrityPage_NonAdminRole_IsForbidden(string role)
    {
        // Arrange
        await client.AsDemoAsync(role);

        // Act
        using var browser = await client.GetAsync("/admin/integrity");
        using var script = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/integrity") { Headers = { Accept = { new("application/json") } } });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
        Assert.Equal("/access-denied", browser.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, script.StatusCode);
    }

    [Fact]
    public async Task IntegrityPage_Anonymous_RedirectsToSignIn()
    {
        // Act
        using var response = await client.GetAsync("/admin/integrity");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task IntegrityPage_AdminWithNothingFound_SaysEveryAppealPassed()
    {
        // Arrange
        await client.AsDemoAsync(DashboardRoles.Admin);

        // Act
        using var response = await client.GetAsync("/admin/integrity");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("所有诉求均通过核查", page.QuerySelector("table.cc-integrity-findings tbody")?.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>An appeal of the demo district whose stored row is edited with SQL (the running grain never sees it): the
/// district's integrity check finds it, and it shows on the admin page, the wall, the queue and the appeal page.</summary>
public abstract class IntegrityFindingDisplayTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly DashboardFactory factory = DashboardFactory.WithDemoDistrict(provider);

    public async Task InitializeAsync() => await factory.WaitForDemoDistrictAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Finding_StoredRecordEdited_ShownOnTheAdminPageTheWallTheQueueAndTheAppealPage()
    {
        // Arrange: the title of one demo appeal is changed in its stored row.
        var district = factory.Services.GetRequiredService<IOptions<DomainOptions>>().Value.DistrictCode;
        var appeal = (await factory.Services.GetRequiredService<AppealQueries>().ListAsync(new AppealListQuery { DistrictCode = district, Limit = 1 })).Items[0];
        Assert.Equal(1, await EditStoredTitleAsync(appeal.Id, appeal.Title));

        // Act
        var scan = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIntegrityScanGrain>(district).Scan();

        // Assert: the admin page lists it by number and kind.
        Assert.Equal((appeal.Id, IntegrityFindingKind.StateDiffers), (Assert.Single(scan.Findings).AppealId, scan.Findings[0].Kind));
        using var admin = await ClientAsync(DashboardRoles.Admin);
        var page = await PageAsync(admin, "/admin/integrity");
        var row = page.QuerySelector($"table.cc-integrity-findings tr[data-appeal='{appeal.Id}']");
        Assert.NotNull(row);
        Assert.Equal(appeal.Id, row.QuerySelector("th a")?.TextContent);
        Assert.Equal("诉求记录与历史不符", row.QuerySelector("td[data-kind=StateDiffers]")?.TextContent.Trim());

        // The wall's figures count it.
        using var snapshot = JsonDocument.Parse(await admin.GetStringAsync("/wall/snapshot"));
        Assert.Equal(1, snapshot.RootElement.GetProperty("figures").GetProperty("integrityFindings").GetInt32());

        // The queue marks it, and the appeal page says what the check found.
        using var dispatcher = await ClientAsync(DashboardRoles.Dispatcher);
        var queue = await PageAsync(dispatcher, $"/appeals?q={Uri.EscapeDataString(appeal.Id)}");
        Assert.NotNull(queue.QuerySelector($"tr[data-appeal='{appeal.Id}'] [data-field=integrity-flag]"));
        var detail = await PageAsync(dispatcher, $"/appeals/{appeal.Id}");
        Assert.Contains("诉求记录与历史不符", detail.QuerySelector("[data-field=integrity-finding]")?.TextContent, StringComparison.Ordinal);
    }

    private async Task<int> EditStoredTitleAsync(string appealId, string title)
    {
        await using var connection = await factory.Services.GetRequiredService<IDatabase>().OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE OrleansStorage SET PayloadJson = REPLACE(PayloadJson, @from, @to) " +
            "WHERE GrainTypeString = 'appeal' AND GrainIdExtensionString = @id";
        foreach (var (name, value) in new[] { ("@from", $"\"Title\":\"{title}\""), ("@to", $"\"Title\":\"{title}（已处理）\""), ("@id", appealId) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var client = factory.CreateClient(new CookieContainer());
        using var signedIn = await client.AsDemoAsync(role);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}

public sealed class IntegrityFindingDisplaySqliteTests() : IntegrityFindingDisplayTests(DatabaseProvider.Sqlite);

public sealed class IntegrityFindingDisplayPostgresTests() : IntegrityFindingDisplayTests(DatabaseProvider.Postgres);
