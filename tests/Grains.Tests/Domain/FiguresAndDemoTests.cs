using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Demo;
using Storage.ReadModels;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>Incremental figures against a recount from the read model, and the demo loader.</summary>
public abstract class FiguresAndDemoTests : DomainTestBase
{
    private IDistrictGrain District(string code = TestDistrict.Code) => Grains.GetGrain<IDistrictGrain>(code);

    [Fact]
    public async Task Figures_AfterMixedCommands_EqualRecountFromReadModel()
    {
        await Grains.GetGrain<IOfficialGrain>(TestDistrict.TownOfficial).Assign(TestDistrict.Enterprise1);
        await Grains.GetGrain<IOfficialGrain>(TestDistrict.DepartmentOfficial).Assign(TestDistrict.Enterprise3);
        await Grains.GetGrain<IOfficialGrain>(TestDistrict.DepartmentOfficial).Unassign(TestDistrict.Enterprise3);
        for (var i = 1; i <= 4; i++)
        {
            var appeal = Grains.GetGrain<IAppealGrain>($"a-{i}");
            await appeal.Submit(TestDistrict.Intake($"a-{i}", i % 2 == 0 ? TestDistrict.Enterprise3 : TestDistrict.Enterprise1,
                town: i % 2 == 0 ? TestDistrict.Town2 : TestDistrict.Town1), TestDistrict.Dispatcher);
            if (i >= 2)
            {
                await appeal.Route(TestDistrict.Dispatcher, null);
                await appeal.TakeOver(TestDistrict.FinanceHandler);
            }

            if (i >= 3)
            {
                await appeal.Reply(TestDistrict.FinanceHandler, "已办理", TestDistrict.Evidence);
                await appeal.Rate(new AppealActor("e", ActorRole.Enterprise, null, ActionChannel.Online), SatisfactionRating.BasicallySatisfied, null);
                await appeal.Close(TestDistrict.Dispatcher, null);
            }
        }

        var incremental = await District().GetFigures();
        var incrementalTowns = await District().GetTownFigures();
        var incrementalRanking = await District().GetDepartmentRanking();
        var recounted = await Grains.GetGrain<IDistrictAdministrationGrain>(TestDistrict.Code).Recount();

        Assert.Equal(incremental with { At = recounted.At }, recounted);
        Assert.Equal((4, 2, 2, 2, 2), (recounted.AppealsReceived, recounted.AppealsClosed, recounted.AppealsRated, recounted.AppealsSatisfied, recounted.OpenAppeals));
        Assert.Equal((3, 1), (recounted.Enterprises, recounted.PackagedEnterprises));
        Assert.Equal(incrementalTowns.Select(t => t with { At = default }), (await District().GetTownFigures()).Select(t => t with { At = default }));
        Assert.Equal(incrementalRanking, await District().GetDepartmentRanking());
        var open = await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery { DistrictCode = TestDistrict.Code, Open = true });
        var green = await Silo.Get<AppealQueries>().ListAsync(new AppealListQuery { DistrictCode = TestDistrict.Code, Light = SlaLight.Green });
        Assert.Equal((recounted.OpenAppeals, recounted.OpenGreen), (open.Total, green.Total));
    }

    [Fact]
    public async Task ListAsync_Paging_ReturnsPagesAndTotal()
    {
        for (var i = 1; i <= 5; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Grains.GetGrain<IAppealGrain>($"a-{i}").Submit(TestDistrict.Intake($"a-{i}"), TestDistrict.Dispatcher);
        }

        var queries = Silo.Get<AppealQueries>();
        var first = await queries.ListAsync(new AppealListQuery { TownCode = TestDistrict.Town1, Limit = 2 });
        var last = await queries.ListAsync(new AppealListQuery { TownCode = TestDistrict.Town1, Offset = 4, Limit = 2 });
        var error = await Assert.ThrowsAsync<Abstractions.Errors.DomainException>(() => queries.ListAsync(new AppealListQuery { Limit = 0 }));

        Assert.Equal((5, 2), (first.Total, first.Items.Count));
        Assert.Equal(["a-5", "a-4"], first.Items.Select(i => i.Id));
        Assert.Equal("a-1", Assert.Single(last.Items).Id);
        Assert.Equal(Abstractions.Errors.ErrorCodes.ValueOutOfRange, error.Code);
    }

    [Fact]
    public async Task SeedIfEmpty_SmallDemoDistrict_LoadsOnceAndFiguresMatchReadModel()
    {
        var seeder = Silo.Get<DemoDistrictSeeder>();
        var sizes = new DemoSizes(Towns: 4, Stations: 8, Enterprises: 300, Officials: 60, Projects: 8, AppealsPerYear: 120);

        var loaded = await seeder.SeedIfEmptyAsync(sizes);
        var again = await seeder.SeedIfEmptyAsync(sizes);

        Assert.NotNull(loaded);
        Assert.Null(again);
        var code = loaded.District.Code;
        var profile = await District(code).GetProfile();
        var figures = await District(code).GetFigures();
        Assert.True(profile.IsDemo);
        Assert.Contains("演示数据", profile.Name, StringComparison.Ordinal);
        var enterprises = Silo.Get<EnterpriseQueries>();
        var appeals = Silo.Get<AppealQueries>();
        var all = (await appeals.ListAsync(new AppealListQuery { DistrictCode = code, Limit = 500 })).Items;
        static int Year(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.Equal(120, all.Count);
        Assert.Equal((300, 8), (figures.Enterprises, figures.Projects));
        Assert.Equal(all.Count(a => Year(a.AcceptedAt) == Start.Year), figures.AppealsReceived);
        Assert.Equal(all.Count(a => a.ClosedAt is { } c && Year(c) == Start.Year), figures.AppealsClosed);
        Assert.Equal(all.Count(a => Year(a.AcceptedAt) < Start.Year && (a.ClosedAt is not { } c || Year(c) >= Start.Year)), figures.AppealsCarriedOver);
        Assert.Equal(300, (await enterprises.ListAsync(new EnterpriseListQuery { DistrictCode = code, Limit = 1 })).Total);
        Assert.Equal(figures.Enterprises - figures.PackagedEnterprises,
            (await enterprises.ListAsync(new EnterpriseListQuery { DistrictCode = code, UnpackagedOnly = true, Limit = 1 })).Total);
        Assert.Equal(figures.OpenAppeals, (await appeals.ListAsync(new AppealListQuery { DistrictCode = code, Open = true, Limit = 1 })).Total);
        Assert.Equal(figures.OpenRed, (await appeals.ListAsync(new AppealListQuery { DistrictCode = code, Light = SlaLight.Red, Limit = 1 })).Total);
        Assert.Equal(4, (await District(code).GetTownFigures()).Count);
        Assert.Equal(figures.Enterprises, (await District(code).GetTownFigures()).Sum(t => t.Enterprises));
        Assert.Equal(8, (await District(code).GetProjectMarkers(null)).Count);

        // The bulk-written state is what the grains read: an enterprise and an appeal activate from it and agree.
        var first = Assert.Single((await enterprises.ListAsync(new EnterpriseListQuery { DistrictCode = code, Limit = 1 })).Items);
        Assert.Equal(first.Name, (await Grains.GetGrain<IEnterpriseGrain>(first.CreditCode).GetProfile())?.Name);
        var appealRow = Assert.Single((await appeals.ListAsync(new AppealListQuery { DistrictCode = code, Limit = 1 })).Items);
        var appeal = Grains.GetGrain<IAppealGrain>(appealRow.Id);
        Assert.Equal(new ChainVerification(true, null), await appeal.VerifyHistory());
        Assert.Equal(appealRow.Light, (await appeal.GetView()).Light);
    }
}

public sealed class FiguresAndDemoSqliteTests : FiguresAndDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class FiguresAndDemoPostgresTests : FiguresAndDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
