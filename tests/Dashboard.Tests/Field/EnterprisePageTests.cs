using System.Globalization;
using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Officials;

namespace Dashboard.Tests.Field;

public abstract class EnterprisePageTests(FieldHost host)
{
    private const string VisitForm = "enterprise-visit";

    [Fact]
    public async Task EnterprisePage_UnknownCreditCode_NotFoundWithoutActivatingAGrain()
    {
        // Arrange
        using var client = await host.DemoClientAsync(DashboardRoles.Leader);
        const string madeUp = "91330000MADEUP0001";

        // Act
        var (status, _) = await client.GetPageAsync($"/enterprises/{madeUp}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        var reference = (Orleans.Runtime.GrainReference)host.Grains.GetGrain<Grains.Abstractions.Enterprises.IEnterpriseGrain>(madeUp);
        Assert.Null(await host.Grains.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetActivationAddress(reference));
    }

    [Theory]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Admin)]
    public async Task EnterprisePage_CentreRoles_SeeTheProfileWithoutVisitForm(string role)
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.DemoClientAsync(role);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises/{enterprise.CreditCode}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(enterprise.Name, page.Text("h1"));
        Assert.Contains(enterprise.CreditCode, page.Text(".cc-profile"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"input[name=_handler][value={VisitForm}]"));
    }

    [Theory]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Enterprise)]
    public async Task EnterprisePage_RoleWithoutAccess_RedirectedToAccessDenied(string role)
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.DemoClientAsync(role);

        // Act
        using var response = await client.GetAsync($"/enterprises/{enterprise.CreditCode}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task EnterprisePage_TownOperatorOfItsTown_Allowed()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.ClientAsync(DashboardRoles.Town, enterprise.TownCode);

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises/{enterprise.CreditCode}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(enterprise.Name, page.Text("h1"));
    }

    [Fact]
    public async Task EnterprisePage_TownOperatorOfAnotherTown_Forbidden403WithNothingLeaked()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.ClientAsync(DashboardRoles.Town, enterprise.TownCode + "-x");

        // Act
        var (status, page) = await client.GetPageAsync($"/enterprises/{enterprise.CreditCode}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(enterprise.Name, page.Body?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterprisePage_StewardWhoDoesNotPackageIt_Forbidden403()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.ClientAsync(DashboardRoles.Steward, "not-a-package-official");

        // Act
        var (status, _) = await client.GetPageAsync($"/enterprises/{enterprise.CreditCode}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task RecordVisit_PackageOfficialWithProblem_VisitLoggedAndAppealRaisedOnce()
    {
        // Arrange
        var (enterprise, officials) = await host.TakeEnterpriseAsync(packaged: true);
        var official = officials[0];
        using var client = await host.ClientAsync(DashboardRoles.Steward, official);
        var before = (await host.Grains.GetGrain<IOfficialGrain>(official).GetVisits()).Length;

        // Act: recorded, then the same form sent again.
        var (status, page, sent) = await client.SubmitAsync($"/enterprises/{enterprise.CreditCode}", VisitForm, new Dictionary<string, string>
        {
            ["Visit.Notes"] = "了解企业扩产计划，企业反映融资难。",
            ["Visit.Title"] = "流动资金贷款难",
            ["Visit.Text"] = "企业希望对接银行获得 500 万元流动资金贷款。",
        });
        var (againStatus, again) = await client.PostFormAsync($"/enterprises/{enterprise.CreditCode}", sent);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var visits = await host.Grains.GetGrain<IOfficialGrain>(official).GetVisits();
        Assert.Equal(before + 1, visits.Length);
        var appealId = Assert.Single(visits[^1].AppealIds);
        var appeal = await host.Grains.GetGrain<IAppealGrain>(appealId).Get();
        Assert.Equal(AppealChannel.OfficialVisit, appeal?.Channel);
        Assert.Equal(enterprise.CreditCode, appeal?.EnterpriseCreditCode);
        Assert.Contains(appealId, page.Text(".cc-confirmation"), StringComparison.Ordinal);
        Assert.Contains("了解企业扩产计划", page.Text("[aria-labelledby=visits-heading]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Contains("本次未保存", again.Text(".cc-form-alert"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordVisit_EmptyNotes_MessageNextToNotesAndNothingSaved()
    {
        // Arrange
        var (enterprise, officials) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.ClientAsync(DashboardRoles.Steward, officials[0]);
        var before = (await host.Grains.GetGrain<IOfficialGrain>(officials[0]).GetVisits()).Length;

        // Act
        var (status, page, _) = await client.SubmitAsync($"/enterprises/{enterprise.CreditCode}", VisitForm, new Dictionary<string, string>
        {
            ["Visit.Notes"] = "",
            ["Visit.Title"] = "用工难",
            ["Visit.Text"] = "缺少熟练焊工。",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, (await host.Grains.GetGrain<IOfficialGrain>(officials[0]).GetVisits()).Length);
        Assert.Equal(new DomainException(ErrorCodes.TextEmpty, "field.note").MessageIn("zh-CN"), page.Text("#visit-notes-error"));
        Assert.Equal("用工难", page.QuerySelector("#visit-title")?.GetAttribute("value"));
    }

    [Fact]
    public async Task RecordVisit_FutureDate_MessageNextToDate()
    {
        // Arrange
        var (enterprise, officials) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.ClientAsync(DashboardRoles.Steward, officials[0]);
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        var (status, page, _) = await client.SubmitAsync($"/enterprises/{enterprise.CreditCode}", VisitForm,
            new Dictionary<string, string> { ["Visit.Date"] = future, ["Visit.Notes"] = "回访" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new DomainException(ErrorCodes.VisitInFuture, future).MessageIn("zh-CN"), page.Text("#visit-date-error"));
    }

    [Fact]
    public async Task RecordVisit_DispatcherPostsAnyway_Forbidden403AndNothingSaved()
    {
        // Arrange
        var (enterprise, officials) = await host.TakeEnterpriseAsync(packaged: true);
        using var client = await host.DemoClientAsync(DashboardRoles.Dispatcher);
        var token = await client.AntiforgeryTokenAsync($"/enterprises/{enterprise.CreditCode}");
        var before = (await host.Grains.GetGrain<IOfficialGrain>(officials[0]).GetVisits()).Length;

        // Act
        var (status, _) = await client.PostFormAsync($"/enterprises/{enterprise.CreditCode}", new Dictionary<string, string>
        {
            ["_handler"] = VisitForm,
            ["__RequestVerificationToken"] = token,
            ["Visit.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Visit.Notes"] = "伪造",
            ["Visit.Count"] = before.ToString(CultureInfo.InvariantCulture),
        });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, (await host.Grains.GetGrain<IOfficialGrain>(officials[0]).GetVisits()).Length);
    }
}

[Collection(FieldCollection.Name)]
public sealed class EnterprisePageSqliteTests(SqliteFieldHost host) : EnterprisePageTests(host);

[Collection(PostgresFieldCollection.Name)]
public sealed class EnterprisePagePostgresTests(PostgresFieldHost host) : EnterprisePageTests(host);
