using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Dashboard.Auth;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Field;

/// <summary>/enterprises and its CSV export against the demo district, for every role. Expected numbers come from the
/// district grain's incrementally kept figures or from the read model queried directly, never from the page itself.</summary>
[Collection(FieldCollection.Name)]
public sealed class EnterpriseDirectoryEndpointTests(SqliteFieldHost host)
{
    private string District => host.Factory.Services.GetRequiredService<IOptions<DomainOptions>>().Value.DistrictCode;

    private EnterpriseQueries Queries => host.Factory.Services.GetRequiredService<EnterpriseQueries>();

    private async Task<IReadOnlyList<DistrictFigures>> TownFiguresAsync() =>
        await host.Grains.GetGrain<IDistrictGrain>(District).GetTownFigures();

    private static IReadOnlyList<string> Codes(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tr[data-enterprise]").Select(r => r.GetAttribute("data-enterprise") ?? "")];

    private static int Total(IHtmlDocument page) =>
        int.Parse(page.QuerySelector("[data-total]")?.GetAttribute("data-total") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Admin)]
    public async Task Directory_CentreRoles_WholeDistrictWithTotal(string role)
    {
        // Arrange
        var expected = (await host.Grains.GetGrain<IDistrictGrain>(District).GetFigures()).Enterprises;
        using var client = await host.DemoClientAsync(role);

        // Act
        var (status, page) = await client.GetPageAsync("/enterprises");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Total(page));
        Assert.Equal(20, Codes(page).Count);
        Assert.NotNull(page.QuerySelector("#cc-nav a[href='/enterprises']"));
    }

    [Theory]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Enterprise)]
    public async Task Directory_DepartmentAndEnterprise_RefusedPageAndExport(string role)
    {
        // Arrange
        using var client = await host.DemoClientAsync(role);
        using var download = new HttpRequestMessage(HttpMethod.Get, "/enterprises/export.csv");
        download.Headers.Accept.ParseAdd("text/csv");

        // Act
        using var page = await client.GetAsync("/enterprises");
        using var export = await client.SendAsync(download);
        var (_, home) = await client.GetPageAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/access-denied", page.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Null(home.QuerySelector("a[href='/enterprises']"));
    }

    [Fact]
    public async Task Directory_TownOperator_OnlyOwnTownAndUnpackagedCountMatchesTownFigures()
    {
        // Arrange
        var town = (await TownFiguresAsync())[1];
        using var client = await host.ClientAsync(DashboardRoles.Town, town.ScopeCode);

        // Act
        var (status, all) = await client.GetPageAsync("/enterprises?per=100");
        var (_, unpackaged) = await client.GetPageAsync("/enterprises?packaged=no");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(town.Enterprises, Total(all));
        Assert.Equal(town.Enterprises - town.PackagedEnterprises, Total(unpackaged));
        var inTown = await Queries.ListAsync(new EnterpriseListQuery { TownCode = town.ScopeCode, Sort = EnterpriseSort.Name, Limit = 100 });
        Assert.Equal(inTown.Items.Select(e => e.CreditCode), Codes(all));
        Assert.NotNull(all.QuerySelector("#d-town[disabled]"));
        Assert.Null(all.QuerySelector("select[name=town]"));
    }

    [Fact]
    public async Task Directory_TownOperatorForgedTown_Forbidden403WithNothingListed()
    {
        // Arrange
        var towns = await TownFiguresAsync();
        using var client = await host.ClientAsync(DashboardRoles.Town, towns[0].ScopeCode);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises?town={towns[2].ScopeCode}");
        using var export = await client.GetAsync($"/enterprises/export.csv?town={towns[2].ScopeCode}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(Codes(page));
        Assert.Equal("您只能查看本镇街网格内的企业。", page.Text(".alert-danger"));
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task Directory_TownOperatorOwnTownInLink_Allowed()
    {
        // Arrange
        var town = (await TownFiguresAsync())[0];
        using var client = await host.ClientAsync(DashboardRoles.Town, town.ScopeCode);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises?town={town.ScopeCode}&packaged=no");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(town.Enterprises - town.PackagedEnterprises, Total(page));
    }

    [Fact]
    public async Task Directory_Steward_PackagedEnterprisesAndOwnersOfStewardedProjectsOnly()
    {
        // Arrange
        var project = await host.TakeProjectAsync();
        var packaged = await host.Grains.GetGrain<IOfficialGrain>(project.StewardOfficialId).GetEnterprises();
        var owners = (await host.Factory.Services.GetRequiredService<ProjectQueries>()
            .ListAsync(new ProjectListQuery { StewardOfficialId = project.StewardOfficialId, Limit = 500 })).Items.Select(p => p.OwnerCreditCode);
        var expected = packaged.Concat(owners).Distinct().Order(StringComparer.Ordinal).ToList();
        using var client = await host.ClientAsync(DashboardRoles.Steward, project.StewardOfficialId);
        using var nobody = await host.ClientAsync(DashboardRoles.Steward, "official-without-anything");

        // Act
        var (status, page) = await client.GetPageAsync("/enterprises?per=100");
        var (ownerStatus, owner) = await client.GetPageAsync($"/enterprises/{project.OwnerCreditCode}");
        var (_, outsider) = await nobody.GetPageAsync("/enterprises");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Codes(page).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, Total(page));
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.Contains(project.OwnerCreditCode, owner.Text(".cc-profile"), StringComparison.Ordinal);
        Assert.Equal(0, Total(outsider));
        Assert.Contains("项目管家", outsider.Text(".cc-directory-empty"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_PartialCreditCodeLowerCase_RowLinksToTheEnterprise()
    {
        // Arrange
        var (enterprise, officials) = await host.TakeEnterpriseAsync(packaged: true);
        var part = enterprise.CreditCode.Substring(4, 10).ToLowerInvariant();
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises?q={part}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var row = page.QuerySelector($"tr[data-enterprise='{enterprise.CreditCode}']");
        Assert.NotNull(row);
        Assert.Equal($"/enterprises/{enterprise.CreditCode}", row.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal(enterprise.Name, row.QuerySelector("a")?.TextContent);
        Assert.Equal(officials.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-officials]")?.GetAttribute("data-officials"));
    }

    [Fact]
    public async Task Directory_FiltersAndSortByTown_SameRowsAsTheReadModel()
    {
        // Arrange
        var sample = (await Queries.ListAsync(new EnterpriseListQuery { DistrictCode = District, Offset = 7, Limit = 1 })).Items[0];
        var expected = await Queries.ListAsync(new EnterpriseListQuery
        {
            DistrictCode = District, Industry = sample.Industry, Size = sample.Size, CreditLevel = sample.CreditLevel,
            Sort = EnterpriseSort.Town, Limit = 100,
        });
        using var client = await host.DemoClientAsync(DashboardRoles.Leader);

        // Act
        var (status, page) = await client.GetPageAsync(
            $"/enterprises?industry={sample.Industry}&class={sample.Size}&credit={sample.CreditLevel}&sort=town&per=100");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Total, Total(page));
        Assert.Equal(expected.Items.Select(e => e.CreditCode), Codes(page));
    }

    [Fact]
    public async Task Directory_StationOfTown_OnlyThatStation()
    {
        // Arrange
        var sample = (await Queries.ListAsync(new EnterpriseListQuery { DistrictCode = District, Offset = 11, Limit = 1 })).Items[0];
        var expected = await Queries.ListAsync(new EnterpriseListQuery { StationCode = sample.StationCode, Limit = 1 });
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises?town={sample.TownCode}&station={sample.StationCode}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected.Total, Total(page));
        Assert.NotNull(page.QuerySelector($"#d-station option[value='{sample.StationCode}'][selected]"));
    }

    [Fact]
    public async Task Directory_SecondPageOfFifty_FollowsTheFirstWithoutOverlap()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (_, hundred) = await client.GetPageAsync("/enterprises?packaged=yes&per=100");
        var (_, first) = await client.GetPageAsync("/enterprises?packaged=yes&per=50");
        var (_, second) = await client.GetPageAsync("/enterprises?packaged=yes&per=50&page=2");

        // Assert
        Assert.Equal(100, Codes(hundred).Count);
        Assert.Equal(Codes(hundred), Codes(first).Concat(Codes(second)));
        Assert.Equal(Total(hundred), Total(second));
        Assert.Contains("51–100", second.Text("[data-total]"), StringComparison.Ordinal);
        Assert.NotNull(second.QuerySelector("a[rel=prev][href='/enterprises?packaged=yes&per=50']"));
    }

    [Fact]
    public async Task Directory_PageBeyondTheEnd_SaysSoWithLinkToFirstPage()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (status, page) = await client.GetPageAsync("/enterprises?page=99999");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("第 99999 页没有内容", page.Body?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".alert-info a[href='/enterprises']"));
    }

    [Fact]
    public async Task Directory_NoMatch_EmptyResultExplainsItself()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (status, page) = await client.GetPageAsync("/enterprises?q=ZZZZ-no-such-enterprise");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Total(page));
        Assert.Contains("没有符合当前条件的企业", page.Text(".cc-directory-empty"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=-1", "页码“-1”无效")]
    [InlineData("per=7", "每页条数“7”无效")]
    [InlineData("town=no-such-town", "没有编码为“no-such-town”的镇街")]
    [InlineData("class=Huge", "规模的值“Huge”无效")]
    [InlineData("industry=alchemy", "没有“alchemy”行业的企业")]
    [InlineData("station=st-x", "请先选择它所在的镇街")]
    public async Task Directory_BadInput_400WithClearMessageAndStillAList(string query, string message)
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises?{query}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, page.Text(".cc-directory-problems"), StringComparison.Ordinal);
        Assert.Equal(20, Codes(page).Count);
    }

    [Fact]
    public async Task Directory_SearchOf300Characters_400WithLengthMessageInEnglish()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises?culture=en&q={new string('x', 300)}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Enterprise directory", page.Text("h1"));
        Assert.Contains("at most 100 characters long (it has 300)", page.Text(".cc-directory-problems"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_TownOperatorUnpackaged_BomHeadersAndOnlyTheirRows()
    {
        // Arrange
        var town = (await TownFiguresAsync())[0];
        using var client = await host.ClientAsync(DashboardRoles.Town, town.ScopeCode);

        // Act
        using var response = await client.GetAsync("/enterprises/export.csv?packaged=no");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("统一社会信用代码,企业名称,镇街,服务站,行业,规模,信用等级,包联干部数", lines[0], StringComparison.Ordinal);
        Assert.Equal(town.Enterprises - town.PackagedEnterprises, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.EndsWith(",0", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportCsv_BadPage_400WithMessage()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);

        // Act
        using var response = await client.GetAsync("/enterprises/export.csv?page=abc");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("页码“abc”无效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownPage_UnpackagedCount_LinksToTheFilteredDirectory()
    {
        // Arrange
        var town = (await TownFiguresAsync())[0];
        using var client = await host.ClientAsync(DashboardRoles.Town, town.ScopeCode);

        // Act
        var (status, page) = await client.GetPageAsync($"/towns/{town.ScopeCode}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var link = page.QuerySelector("#town-unpackaged-title a");
        Assert.Equal($"/enterprises?town={town.ScopeCode}&packaged=no", link?.GetAttribute("href"));
    }
}
