using System.Net;
using System.Net.Http.Json;
using Dashboard.Appeals;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;
using Orleans;

namespace Dashboard.Tests.Appeals;

/// <summary>The JSON API over the closed loop: the same roles, scopes, versions and refusals as the pages.</summary>
public abstract class AppealApiTests(AppealsFixture fixture)
{
    [Fact]
    public async Task Loop_IntakeRouteTakeOverSupervise_EachAnswersTheNewVersion()
    {
        // Arrange
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        using var handler = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var enterprise = await fixture.AnyEnterpriseAsync();
        var id = Guid.NewGuid().ToString("N");

        // Act
        var accepted = await ReadAsync(await dispatcher.PostAsJsonAsync(AppealApi.Prefix, Intake(id, enterprise.CreditCode)), HttpStatusCode.Created);
        var routed = await ReadAsync(await dispatcher.PostAsJsonAsync($"{AppealApi.Prefix}/{id}/route", new { version = accepted.Version, departmentCode = DepartmentCodes.Finance }));
        var signed = await ReadAsync(await handler.PostAsJsonAsync($"{AppealApi.Prefix}/{id}/take-over", new { version = routed.Version }));
        var supervised = await ReadAsync(await dispatcher.PostAsJsonAsync($"{AppealApi.Prefix}/{id}/supervise", new { version = signed.Version, text = "请加快办理" }));
        var read = await ReadAsync(await dispatcher.GetAsync($"{AppealApi.Prefix}/{id}"));

        // Assert
        Assert.Equal((AppealStatus.InProgress, 4L), (supervised.Status, supervised.Version));
        Assert.Equal(supervised, read);
        Assert.Equal(4, (await fixture.Grains.GetGrain<IAppealGrain>(id).Get())!.EventCount);
    }

    [Fact]
    public async Task Command_StaleVersion_Is409WithTheChangedCode()
    {
        // Arrange
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var appeal = await fixture.NewAppealAsync();

        // Act
        using var response = await dispatcher.PostAsJsonAsync($"{AppealApi.Prefix}/{appeal.Id}/supervise", new { version = appeal.EventCount + 5, text = "请加快" });

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ErrorCodes.AppealChanged, (await response.Content.ReadFromJsonAsync<AppealApi.ApiProblem>())!.Code);
    }

    [Theory]
    [InlineData("application/json", "{\"version\": 1,")]
    [InlineData("application/json", "{\"version\": \"one\"}")]
    [InlineData("application/json", "{\"version\": 99999999999999999999999}")]
    [InlineData("application/json", "null")]
    [InlineData("application/json", "")]
    [InlineData("application/json; charset=bogus", "{\"version\": 1}")]
    [InlineData("text/plain", "{\"version\": 1}")]
    [InlineData("application/x-www-form-urlencoded", "version=1")]
    [InlineData("application/json", "{\"version\": 1, \"text\": \"a\\u0000b\"}")]
    public async Task Command_UnreadableBody_Is400WithTheBodyCodeAndChangesNothing(string contentType, string body)
    {
        // Arrange
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var appeal = await fixture.NewAppealAsync();
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        // Act
        using var response = await dispatcher.PostAsync($"{AppealApi.Prefix}/{appeal.Id}/supervise", content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<AppealApi.ApiProblem>())!;
        Assert.Equal("request.body", problem.Code);
        Assert.Contains("JSON", problem.Message, StringComparison.Ordinal);
        Assert.Equal(appeal.EventCount, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())!.EventCount);
    }

    [Fact]
    public async Task Intake_InvalidUtf8Body_Is400AndNoAppeal()
    {
        // Arrange
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var id = Guid.NewGuid().ToString("N");
        byte[] body = [.. System.Text.Encoding.UTF8.GetBytes($"{{\"id\": \"{id}\", \"title\": \""), 0xC3, 0x28, .. "\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        // Act
        using var response = await dispatcher.PostAsync($"{AppealApi.Prefix}/", content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await fixture.Grains.GetGrain<IAppealGrain>(id).Get());
    }

    [Fact]
    public async Task Command_DepartmentOfAnotherScope_IsForbiddenAndChangesNothing()
    {
        // Arrange
        using var commerce = await fixture.ClientAsync(AppealsFixture.CommerceHandler);
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);

        // Act
        using var response = await commerce.PostAsJsonAsync($"{AppealApi.Prefix}/{appeal.Id}/take-over", new { version = appeal.EventCount });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(appeal.EventCount, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())!.EventCount);
    }

    [Fact]
    public async Task Intake_DepartmentRole_IsForbidden()
    {
        // Arrange
        using var handler = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var enterprise = await fixture.AnyEnterpriseAsync();

        // Act
        using var response = await handler.PostAsJsonAsync(AppealApi.Prefix, Intake(Guid.NewGuid().ToString("N"), enterprise.CreditCode));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Intake_SamePostTwice_OneAppealAndTheSameAnswer()
    {
        // Arrange
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var enterprise = await fixture.AnyEnterpriseAsync(1);
        var intake = Intake(Guid.NewGuid().ToString("N"), enterprise.CreditCode);

        // Act
        var first = await ReadAsync(await dispatcher.PostAsJsonAsync(AppealApi.Prefix, intake), HttpStatusCode.Created);
        var second = await ReadAsync(await dispatcher.PostAsJsonAsync(AppealApi.Prefix, intake));

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Get_UnknownOrAnonymous_IsNotFoundOrRefused()
    {
        // Arrange
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        using var anonymous = fixture.Anonymous();

        // Act
        using var unknown = await dispatcher.GetAsync($"{AppealApi.Prefix}/{Guid.NewGuid():N}");
        using var signedOut = await anonymous.GetAsync($"{AppealApi.Prefix}/{Guid.NewGuid():N}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }

    private static object Intake(string id, string creditCode) => new
    {
        id,
        enterpriseCreditCode = creditCode,
        channel = nameof(AppealChannel.Hotline12345),
        category = "finance",
        priority = nameof(AppealPriority.Normal),
        title = "续贷困难",
        text = "企业贷款续贷遇到困难，请求协调。",
    };

    private static async Task<AppealApi.AppealState> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<AppealApi.AppealState>(JsonOptions))!;
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

[Collection(SqliteAppealsCollection.Name)]
public sealed class AppealApiSqliteTests(SqliteAppealsFixture fixture) : AppealApiTests(fixture);

[Collection(PostgresAppealsCollection.Name)]
public sealed class AppealApiPostgresTests(PostgresAppealsFixture fixture) : AppealApiTests(fixture);
