using Grains.Abstractions.Errors;
using Grains.Abstractions.Sla;
using Grains.Appeals;

namespace Grains.Tests.Appeals;

public sealed class RoutingTableTests
{
    private readonly RoutingTable _table = RoutingTable.FromCategories(SlaSettings.Default, [new("fallback", "town-03", "town-03")]);

    [Fact]
    public void DepartmentFor_Category_IsLeadDepartment()
    {
        Assert.Equal("finance", _table.DepartmentFor("finance", "town-03"));
    }

    [Fact]
    public void DepartmentFor_TownRule_WinsInThatTownOnly()
    {
        Assert.Equal("town-03", _table.DepartmentFor("fallback", "town-03"));
        Assert.Equal("business-environment", _table.DepartmentFor("fallback", "town-04"));
    }

    [Fact]
    public void DepartmentFor_UnknownCategory_Throws()
    {
        Assert.Equal(ErrorCodes.CategoryUnknown, Assert.Throws<DomainException>(() => _table.DepartmentFor("tourism", "town-01")).Code);
    }
}
