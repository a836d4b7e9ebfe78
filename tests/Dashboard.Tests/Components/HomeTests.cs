using System.Security.Claims;
using Dashboard.Auth;
using Dashboard.Components.Pages;
using Dashboard.Wall;

namespace Dashboard.Tests.Components;

/// <summary>Every role lands on its own work; the district leader's home is the overview.</summary>
public sealed class HomeTests
{
    [Theory]
    [InlineData(DashboardRoles.Dispatcher, null, "/appeals")]
    [InlineData(DashboardRoles.Department, "finance", "/appeals")]
    [InlineData(DashboardRoles.Steward, "o-1", "/projects")]
    [InlineData(DashboardRoles.Town, "demo-00-t01", "/towns/demo-00-t01")]
    [InlineData(DashboardRoles.Enterprise, "91330000000000000X", "/my/appeals")]
    [InlineData(DashboardRoles.Admin, null, "/admin/runtime")]
    [InlineData(WallKiosk.Role, null, "/wall")]
    [InlineData(DashboardRoles.Leader, null, null)]
    public void WorkOf_Role_IsItsWorkPage(string role, string? scope, string? expected)
    {
        // Arrange
        List<Claim> claims = [new(ClaimTypes.Name, "u"), new(ClaimTypes.Role, role)];
        if (scope is not null)
        {
            claims.Add(new(DashboardClaims.Scope, scope));
        }

        // Act
        var work = Home.WorkOf(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));

        // Assert
        Assert.Equal(expected, work);
    }
}
