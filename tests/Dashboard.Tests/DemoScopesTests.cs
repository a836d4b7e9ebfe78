using Dashboard.Auth;
using Grains.Demo;
using Grains.Hosting;

namespace Dashboard.Tests;

public sealed class DemoScopesTests
{
    [Fact]
    public void For_DemoDistrictLoadedToday_ScopesNameRecordsOfThatDistrict()
    {
        var domain = new DomainOptions();
        var loadedToday = new DemoDistrictGenerator(domain.DemoSeed, DemoSizes.District, DateTimeOffset.UtcNow);

        var scopes = DemoScopes.For(domain);

        Assert.Equal(loadedToday.Towns[0].Code, scopes.Town);
        Assert.Contains(loadedToday.Departments, d => d.Code == scopes.Department);
        Assert.Equal(loadedToday.ProjectAt(0).StewardOfficialId, scopes.Steward);
        Assert.Equal(loadedToday.ProjectAt(0).OwnerCreditCode, scopes.Enterprise);
    }
}
