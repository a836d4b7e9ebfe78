using System.Net;
using System.Text;
using Dashboard.Auth;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Grains.Abstractions.Departments;

namespace Dashboard.Tests.Appeals;

public abstract class AppealExportEndpointTests(AppealsFixture fixture)
{
    [Theory]
    [InlineData(DashboardRoles.Dispatcher, HttpStatusCode.OK)]
    [InlineData(DashboardRoles.Leader, HttpStatusCode.OK)]
    [InlineData(DashboardRoles.Admin, HttpStatusCode.OK)]
    [InlineData(AppealsFixture.FinanceHandler, HttpStatusCode.Forbidden)]
    [InlineData(DashboardRoles.Town, HttpStatusCode.Forbidden)]
    [InlineData(DashboardRoles.Enterprise, HttpStatusCode.Forbidden)]
    public async Task ListCsv_Role_AllowedOrForbidden(string user, HttpStatusCode expected)
    {
        // Arrange: a download is not a page, so a refusal is a plain status code.
        using var client = await fixture.ClientAsync(user);
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        // Act
        using var response = await client.GetAsync("/appeals/export/list.csv");

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ListCsv_Filtered_HasBomChineseHeadersAndOnlyMatchingRows()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var bytes = await client.GetByteArrayAsync($"/appeals/export/list.csv?q={appeal.Id}");

        // Assert
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("诉求编号,标题,企业", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(appeal.Id + ",", Assert.Single(lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListXlsx_Filtered_OpensAsWorkbookWithTheAppealADateCellAFrozenHeaderAndAFilter()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Leader);

        // Act
        using var response = await client.GetAsync($"/appeals/export/list.xlsx?q={appeal.Id}");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        // Assert
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("诉求清单", rows[0].Descendants<Cell>().First().InnerText);
        Assert.Equal("诉求编号", rows[1].Descendants<Cell>().First().InnerText);
        var cells = rows[2].Descendants<Cell>().ToList();
        Assert.Equal(appeal.Id, cells[0].InnerText);
        // 受理时间 (column M) is a number with a date format, not text.
        var accepted = cells[12];
        Assert.Null(accepted.DataType);
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)accepted.StyleIndex!.Value);
        Assert.Equal(164u, format.NumberFormatId?.Value);
        Assert.Equal(appeal.AcceptedAt.ToOffset(TimeSpan.FromHours(8)).DateTime, DateTime.FromOADate(double.Parse(accepted.InnerText, System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(1));
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State?.Value);
        Assert.StartsWith("A2:", sheet.Descendants<AutoFilter>().Single().Reference?.Value, StringComparison.Ordinal);
        Assert.NotEmpty(sheet.Descendants<Column>());
    }

    [Fact]
    public async Task WeeklyCsv_CurrentWeek_OneTableCountingTheNewAppealAsReceived()
    {
        // Arrange
        await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var text = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/appeals/export/weekly.csv"))[3..]);

        // Assert: the header first, then the departments; the towns are a file of their own.
        var lines = text.Split("\r\n");
        Assert.Equal("承办部门,受理数,销号数,逾期未办结数", lines[0]);
        Assert.DoesNotContain(lines, l => l.StartsWith("镇街,", StringComparison.Ordinal));
        var total = lines.First(l => l.StartsWith("合计,", StringComparison.Ordinal)).Split(',');
        Assert.True(int.Parse(total[1], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var towns = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/appeals/export/weekly.csv?table=towns"))[3..]).Split("\r\n");
        Assert.StartsWith("镇街,", towns[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeeklyCsv_NotRoutedAndRoutedAppeals_NotRoutedLineFirstThenDepartmentsInCodeOrder()
    {
        // Arrange
        await fixture.NewAppealAsync();
        await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        await fixture.NewAppealAsync(routeTo: DepartmentCodes.Commerce, category: "opening");
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var text = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/appeals/export/weekly.csv"))[3..]);

        // Assert
        var lines = text.Split("\r\n");
        var departmentLines = lines.Skip(1).TakeWhile(l => !l.StartsWith("合计,", StringComparison.Ordinal)).ToList();
        Assert.True(departmentLines.Count >= 3);
        Assert.StartsWith("未分流,", departmentLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(departmentLines.Skip(1), l => l.StartsWith("未分流,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WeeklyXlsx_GivenWeek_HasOneSheetPerGrouping()
    {
        // Arrange
        using var client = await fixture.ClientAsync(DashboardRoles.Admin);

        // Act
        var bytes = await client.GetByteArrayAsync("/appeals/export/weekly.xlsx?week=2026-W10");
        await using var stream = new MemoryStream(bytes);

        // Assert
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var names = document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name?.Value ?? "").ToList();
        Assert.Equal(["按部门", "按镇街"], names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }

    [Theory]
    [InlineData("2026-W60")]
    [InlineData("last week")]
    public async Task WeeklyCsv_BadWeek_Returns400(string week)
    {
        // Arrange
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        using var response = await client.GetAsync($"/appeals/export/weekly.csv?week={Uri.EscapeDataString(week)}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

[Collection(SqliteAppealsCollection.Name)]
public sealed class AppealExportEndpointSqliteTests(SqliteAppealsFixture fixture) : AppealExportEndpointTests(fixture);

[Collection(PostgresAppealsCollection.Name)]
public sealed class AppealExportEndpointPostgresTests(PostgresAppealsFixture fixture) : AppealExportEndpointTests(fixture);
