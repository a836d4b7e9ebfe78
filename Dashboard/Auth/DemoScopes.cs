using Grains.Demo;
using Grains.Hosting;

namespace Dashboard.Auth;

/// <summary>The scopes of the demo accounts, taken from the demo district the domain loads (same seed), so
/// that the town, department, steward and enterprise accounts see real demo records.</summary>
internal static class DemoScopes
{
    public static (string Town, string Department, string Steward, string Enterprise) For(DomainOptions domain)
    {
        // Towns, departments and project 0's steward and owner do not depend on the clock.
        var generator = new DemoDistrictGenerator(domain.DemoSeed, DemoSizes.District, DateTimeOffset.UnixEpoch);
        var project = generator.ProjectAt(0);
        return (generator.Towns[0].Code, generator.Departments[0].Code, project.StewardOfficialId, project.OwnerCreditCode);
    }
}
