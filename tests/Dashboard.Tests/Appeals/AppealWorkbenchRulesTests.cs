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

    [Fact]
    public void EvidenceLines_NameAndDescription_BecomeAttachmentsWithoutFieldSeparators()
    {
        // Act
        var evidence = EvidenceLines.Parse("现场照片.jpg | 整改后|现场\r\n\r\n 回执.pdf \n | 无名称");

        // Assert
        Assert.Equal(2, evidence.Length);
        Assert.Equal("现场照片.jpg — 整改后/现场", evidence[0].Name);
        Assert.Equal("image/jpeg", evidence[0].ContentType);
        Assert.Equal(64, evidence[0].Sha256.Length);
        Assert.Equal("回执.pdf", evidence[1].Name);
    }

    [Fact]
    public void Csv_Cells_AreQuotedAndFormulaSafeWithBom()
    {
        // Arrange
        var table = new ExportTable("t", ["名称", "数"], [["甲,乙", 3], ["=SUM(A1)", -2], ["说\"明\"", 0]]);

        // Act
        var bytes = CsvExport.Write([table]);

        // Assert
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("名称,数\r\n\"甲,乙\",3\r\n'=SUM(A1),-2\r\n\"说\"\"明\"\"\",0\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
