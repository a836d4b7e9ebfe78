using System.Security.Claims;
using System.Text;
using Dashboard.Appeals;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Sla;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Tests.Appeals;

public sealed class AppealWorkbenchRulesTests
{
    private static ClaimsPrincipal User(string role, string? scope = null) =>
        DashboardClaims.ToPrincipal(new DashboardUser("u", "U", role, scope, false, ""), "test");

    private static Appeal NewAppeal(AppealStatus status, string? department = null) =>
        new("a-1", "91330000MA0000000X", "town-1", AppealChannel.Online, "finance", AppealPriority.Normal, "t", "x",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(5)) { Status = status, DepartmentCode = department };

    [Fact]
    public void Filter_DepartmentHandler_IsHeldToOwnDepartment()
    {
        // Arrange
        var filter = AppealFilter.From(new QueryCollection(new Dictionary<string, StringValues> { ["department"] = "commerce", ["page"] = "3" }));

        // Act
        var query = filter.ToQuery(User(DashboardRoles.Department, "finance"), "demo-00");

        // Assert
        Assert.Equal("finance", query.DepartmentCode);
        Assert.Equal(2 * AppealFilter.PageSize, query.Offset);
    }

    [Fact]
    public void Filter_UnknownValues_AreIgnoredAndRoundTrip()
    {
        // Arrange
        var filter = AppealFilter.From(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["light"] = "Purple", ["status"] = "7", ["channel"] = "Online", ["q"] = "机械", ["page"] = "-1",
        }));

        // Act
        var text = filter.ToQueryString(2);

        // Assert
        Assert.Null(filter.Light);
        Assert.Null(filter.Status);
        Assert.Equal(1, filter.Page);
        Assert.Equal("?channel=Online&q=%E6%9C%BA%E6%A2%B0&page=2", text);
    }

    [Fact]
    public void ActionsFor_DispatcherOnAcceptedAppeal_OffersRouteButNotClose()
    {
        // Act
        var actions = AppealAccess.ActionsFor(User(DashboardRoles.Dispatcher), NewAppeal(AppealStatus.Accepted));

        // Assert
        Assert.Contains(AppealAction.Route, actions);
        Assert.DoesNotContain(AppealAction.Close, actions);
        Assert.DoesNotContain(AppealAction.TakeOver, actions);
    }

    [Fact]
    public void ActionsFor_HandlerOfAnotherDepartment_OffersNothingAndCannotSee()
    {
        // Arrange
        var user = User(DashboardRoles.Department, "commerce");
        var appeal = NewAppeal(AppealStatus.Routed, "finance");

        // Act
        var actions = AppealAccess.ActionsFor(user, appeal);

        // Assert
        Assert.Empty(actions);
        Assert.False(AppealAccess.CanSee(user, appeal));
    }

    [Fact]
    public void ActionsFor_HandlerWithoutScope_SeesNothing()
    {
        // Assert
        Assert.False(AppealAccess.CanSee(User(DashboardRoles.Department), NewAppeal(AppealStatus.Routed, "finance")));
    }

    [Theory]
    [InlineData("2026-W01", "2025-12-29")]
    [InlineData("2026-W53", "2026-12-28")]
    public void IsoWeek_Valid_StartsOnMondayInDistrictTime(string text, string monday)
    {
        // Act
        Assert.True(IsoWeek.TryParse(text, out var week));
        var (from, to) = week.Range(TimeSpan.FromHours(8));

        // Assert
        Assert.Equal(DateTimeOffset.Parse($"{monday}T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), from);
        Assert.Equal(TimeSpan.FromDays(7), to - from);
    }

    [Theory]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026W10")]
    [InlineData("")]
    public void IsoWeek_Invalid_IsRefused(string text) => Assert.False(IsoWeek.TryParse(text, out _));

    [Theory]
    [InlineData("照片.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData("截图.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png")]
    [InlineData("回执.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 }, "application/pdf")]
    [InlineData("说明.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task EvidenceUpload_AllowedTypeWithItsMagicBytes_AcceptedWithHash(string name, byte[] content, string contentType)
    {
        // Act
        var check = await EvidenceUpload.CheckAsync([FormFile(name, content)], CancellationToken.None);

        // Assert
        var file = Assert.Single(check.Files);
        Assert.Null(check.ErrorKey);
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), file.Sha256);
    }

    [Theory]
    [InlineData("照片.jpg", new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData("表格.xlsx", new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [InlineData("程序.exe", new byte[] { 0x4D, 0x5A })]
    [InlineData("旧文档.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })]
    public async Task EvidenceUpload_WrongTypeOrBytes_RefusedAll(string name, byte[] content)
    {
        // Act
        var check = await EvidenceUpload.CheckAsync([FormFile("好.pdf", "%PDF"u8.ToArray()), FormFile(name, content)], CancellationToken.None);

        // Assert
        Assert.Equal("EvidenceWrongType", check.ErrorKey);
        Assert.Equal(name, check.ErrorArgument);
        Assert.Empty(check.Files);
    }

    [Fact]
    public void EvidenceUpload_NameWithPathAndFieldSeparator_KeepsTheFileNameOnly()
    {
        // Act
        var name = EvidenceUpload.SafeName(@"C:\用户\现场|照片.jpg");

        // Assert
        Assert.Equal("现场_照片.jpg", name);
    }

    private static Microsoft.AspNetCore.Http.FormFile FormFile(string name, byte[] content) =>
        new(new MemoryStream(content), 0, content.Length, "EvidenceFiles", name);

    [Fact]
    public void Csv_Cells_AreQuotedAndFormulaSafeWithBom()
    {
        // Arrange
        var table = new ExportTable("t", "t", ["名称", "数"], [["甲,乙", 3], ["=SUM(A1)", -2], ["说\"明\"", 0]]);

        // Act
        var bytes = CsvExport.Write(table);

        // Assert
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("名称,数\r\n\"甲,乙\",3\r\n'=SUM(A1),-2\r\n\"说\"\"明\"\"\",0\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
