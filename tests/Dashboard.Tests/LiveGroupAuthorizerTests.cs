using System.Security.Claims;
using Dashboard.Auth;
using Dashboard.Live;

namespace Dashboard.Tests;

public sealed class LiveGroupAuthorizerTests
{
    [Theory]
    [InlineData(DashboardRoles.Admin, null, true)]
    [InlineData(DashboardRoles.Leader, null, false)]
    [InlineData(DashboardRoles.Dispatcher, null, false)]
    [InlineData(DashboardRoles.Town, "town-01", false)]
    public void MayJoin_RuntimeGroup_OnlyAdmins(string role, string? scope, bool expected)
    {
        Assert.Equal(expected, LiveGroupAuthorizer.MayJoin(User(role, scope), LiveGroup.Runtime));
    }

    [Theory]
    [InlineData(DashboardRoles.Town, "town-01", "town-01", true)]
    [InlineData(DashboardRoles.Town, "town-01", "town-02", false)]
    [InlineData(DashboardRoles.Town, null, "town-01", false)]
    [InlineData(DashboardRoles.Leader, null, "town-02", true)]
    [InlineData(DashboardRoles.Steward, "steward-001", "town-01", false)]
    [InlineData(DashboardRoles.Enterprise, "town-01", "town-01", false)]
    public void MayJoin_TownGroup_OnlyThatTownOrDistrictRoles(string role, string? scope, string townId, bool expected)
    {
        Assert.Equal(expected, LiveGroupAuthorizer.MayJoin(User(role, scope), LiveGroup.ForTown(townId)));
    }

    [Fact]
    public void MayJoin_Anonymous_IsRefusedEverywhere()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.False(LiveGroupAuthorizer.MayJoin(anonymous, LiveGroup.Runtime));
        Assert.False(LiveGroupAuthorizer.MayJoin(anonymous, LiveGroup.Wall));
        Assert.False(LiveGroupAuthorizer.MayJoin(anonymous, LiveGroup.ForTown("town-01")));
    }

    [Fact]
    public void Name_TownGroup_IncludesTheTownId()
    {
        Assert.Equal("town:town-07", LiveGroup.ForTown("town-07").Name);
        Assert.Equal("runtime", LiveGroup.Runtime.Name);
    }

    private static ClaimsPrincipal User(string role, string? scope) =>
        DashboardClaims.ToPrincipal(new DashboardUser("u", "U", role, scope, IsDemo: false, PasswordHash: ""), "test");
}
