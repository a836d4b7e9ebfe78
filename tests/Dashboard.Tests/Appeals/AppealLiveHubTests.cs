using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;

namespace Dashboard.Tests.Appeals;

/// <summary>An appeal's group of the live hub: only users who may open the appeal subscribe, and they hear of its changes.</summary>
[Collection(SqliteAppealsCollection.Name)]
public sealed class AppealLiveHubTests(SqliteAppealsFixture fixture) : IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    public void Dispose() => timeout.Dispose();

    [Theory]
    [InlineData(DashboardRoles.Dispatcher, null, true)]
    [InlineData(DashboardRoles.Leader, null, true)]
    [InlineData(AppealsFixture.FinanceHandler, null, true)]
    [InlineData(AppealsFixture.CommerceHandler, null, false)]
    [InlineData(DashboardRoles.Town, "own", true)]
    [InlineData(DashboardRoles.Town, "other", false)]
    [InlineData(DashboardRoles.Enterprise, "own", true)]
    [InlineData(DashboardRoles.Enterprise, "other", false)]
    [InlineData(DashboardRoles.Steward, null, false)]
    public async Task SubscribeAppeal_ByRoleAndScope_OnlyWhoMayOpenTheAppeal(string user, string? scope, bool allowed)
    {
        // Arrange: the appeal is with the finance department.
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        var other = await fixture.AnyEnterpriseAsync(1);
        var userName = (user, scope) switch
        {
            (DashboardRoles.Town, "own") => await fixture.CreateUserAsync(user, appeal.TownCode),
            (DashboardRoles.Town, _) => await fixture.CreateUserAsync(user, $"not-{appeal.TownCode}"),
            (DashboardRoles.Enterprise, "own") => await fixture.CreateUserAsync(user, appeal.EnterpriseCreditCode),
            (DashboardRoles.Enterprise, _) => await fixture.CreateUserAsync(user, other.CreditCode),
            _ => user,
        };
        await using var hub = await fixture.HubAsync(userName, timeout.Token);

        // Act
        var error = await hub.InvokeAsync("SubscribeAppeal", [appeal.Id], timeout.Token);

        // Assert
        Assert.Equal(allowed, error is null);
        if (!allowed)
        {
            Assert.Contains("Forbidden", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SubscribeAppeal_UnknownAppeal_Refused()
    {
        // Arrange
        await using var hub = await fixture.HubAsync(DashboardRoles.Dispatcher, timeout.Token);

        // Act
        var error = await hub.InvokeAsync("SubscribeAppeal", ["no-such-appeal"], timeout.Token);

        // Assert
        Assert.Contains("Forbidden", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealGroup_TwoAppealsChange_HandlerHearsOnlyTheirAppealWithItsNewVersion()
    {
        // Arrange
        var own = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        var elsewhere = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Commerce, category: "opening");
        await using var hub = await fixture.HubAsync(AppealsFixture.FinanceHandler, timeout.Token);
        Assert.Null(await hub.InvokeAsync("SubscribeAppeal", [own.Id], timeout.Token));
        var dispatcher = new AppealActor("other-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench);

        // Act: the other appeal changes first, so a leak would arrive first.
        await fixture.Grains.GetGrain<IAppealGrain>(elsewhere.Id).Supervise(dispatcher, "请加快办理");
        var changed = await fixture.Grains.GetGrain<IAppealGrain>(own.Id).Supervise(dispatcher, "请本周内反馈");
        var push = await hub.NextPushAsync("Appeal", timeout.Token);

        // Assert
        Assert.Equal(own.Id, push.GetProperty("appealId").GetString());
        Assert.Equal(changed.EventCount, push.GetProperty("version").GetInt64());
    }
}
