using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Enterprises;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>Several districts in one silo (the province preset): departments are per district, town codes are unique.</summary>
public abstract class DistrictKeyTests : DomainTestBase
{
    private const string OtherDistrict = "d2";
    private const string OtherTown = "d2-t1";
    private static readonly string OtherEnterprise = UnifiedSocialCreditCode.Create("91", "330211", "MB000001");

    private async Task SetUpOtherDistrictAsync()
    {
        await Grains.GetGrain<IDistrictAdministrationGrain>(OtherDistrict).Define(
            new DistrictProfile(OtherDistrict, "另一区", TestDistrict.Centre, IsDemo: false),
            [TestDistrict.TownProfile(OtherTown, 0.2) with { DistrictCode = OtherDistrict }], TestDistrict.Departments);
        await Grains.GetGrain<IEnterpriseGrain>(OtherEnterprise).Register(TestDistrict.EnterpriseProfile(OtherEnterprise, OtherTown));
    }

    private async Task CloseAsync(string id, string enterprise, string town) =>
        await (await TestDistrict.RatedAsync(Grains, TestDistrict.Intake(id, enterprise, town: town), DepartmentCodes.Finance)).Close(TestDistrict.Dispatcher, null);

    [Fact]
    public async Task GetDepartmentRanking_SameDepartmentCodeInTwoDistricts_KeepsSeparateFigures()
    {
        await SetUpOtherDistrictAsync();

        await CloseAsync("a-1", TestDistrict.Enterprise1, TestDistrict.Town1);
        await CloseAsync("a-2", TestDistrict.Enterprise2, TestDistrict.Town1);
        await CloseAsync("b-1", OtherEnterprise, OtherTown);
        var first = Assert.Single(await Grains.GetGrain<IDistrictGrain>(TestDistrict.Code).GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance);
        var second = Assert.Single(await Grains.GetGrain<IDistrictGrain>(OtherDistrict).GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance);
        var recounted = await Grains.GetGrain<IDistrictAdministrationGrain>(OtherDistrict).Recount();

        Assert.Equal((2, 1), (first.Closed, second.Closed));
        Assert.Equal(1, recounted.AppealsClosed);
        Assert.Equal(second, Assert.Single(await Grains.GetGrain<IDistrictGrain>(OtherDistrict).GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance));
        Assert.Equal(2, Assert.Single(await Grains.GetGrain<IDistrictGrain>(TestDistrict.Code).GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance).Closed);
    }

    [Fact]
    public async Task Define_TownCodeOfAnotherDistrict_IsRefusedAndLeavesTheTownAlone()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IDistrictAdministrationGrain>(OtherDistrict).Define(
            new DistrictProfile(OtherDistrict, "另一区", TestDistrict.Centre, IsDemo: false),
            [TestDistrict.TownProfile(TestDistrict.Town1, 0.2) with { DistrictCode = OtherDistrict }], TestDistrict.Departments));

        Assert.Equal(ErrorCodes.TownInOtherDistrict, error.Code);
        Assert.Equal(TestDistrict.Code, (await Grains.GetGrain<Abstractions.Towns.ITownGrain>(TestDistrict.Town1).GetProfile())?.DistrictCode);
        await Assert.ThrowsAsync<DomainException>(() => Grains.GetGrain<IDistrictGrain>(OtherDistrict).GetProfile());
    }
}

public sealed class DistrictKeySqliteTests : DistrictKeyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DistrictKeyPostgresTests : DistrictKeyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
