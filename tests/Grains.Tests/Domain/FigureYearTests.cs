using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Towns;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>Figures belong to an assessment year on the district's clock (Asia/Shanghai): crossing 31 December starts
/// the year's throughput from zero, carries the open appeals over and loses nothing of the year before.</summary>
public abstract class FigureYearTests : DomainTestBase
{
    /// <summary>1 January 2026, 00:30 in Shanghai: still 31 December in UTC.</summary>
    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Wednesday 31 December 2025, 10:00 in Shanghai.</summary>
    protected override DateTimeOffset StartAt => new(2025, 12, 31, 10, 0, 0, TimeSpan.FromHours(8));

    private IDistrictGrain District => Grains.GetGrain<IDistrictGrain>(TestDistrict.Code);

    private Task<IAppealGrain> ReplyAsync(string id) => TestDistrict.RatedAsync(Grains, TestDistrict.Intake(id));

    [Fact]
    public async Task GetFigures_AfterNewYearInShanghai_LastYearsClosuresLeaveRatesAndOpenAppealsCarryOver()
    {
        var closedLastYear = await ReplyAsync("a-1");
        await closedLastYear.Close(TestDistrict.Dispatcher, null);
        var stillOpen = await ReplyAsync("a-2");
        var before = await District.GetFigures();

        Clock.SetUtcNow(NewYear);
        var after = await District.GetFigures();
        var lastYear = await District.GetYearFigures(2025);
        var finance = Assert.Single(await District.GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance);
        var town = await Grains.GetGrain<ITownGrain>(TestDistrict.Town1).GetFigures();

        Assert.Equal((2025, 2, 1, 0, 1), (before.Year, before.AppealsReceived, before.AppealsClosed, before.AppealsCarriedOver, before.OpenAppeals));
        Assert.Equal((2026, 0, 0, 0, 0), (after.Year, after.AppealsReceived, after.AppealsClosed, after.AppealsRated, after.AppealsSatisfied));
        Assert.Equal((1, 1), (after.AppealsCarriedOver, after.OpenAppeals));
        Assert.Equal(0, after.ClosureRate);
        Assert.Equal((2026, 0, 1, 1), (town.Year, town.AppealsClosed, town.AppealsCarriedOver, town.OpenAppeals));
        Assert.Equal((1, 0, (double?)null), (finance.Open, finance.Closed, finance.OnTimeRate));
        Assert.Equal((2025, 2, 1, 1, 1, 1), (lastYear.Year, lastYear.AppealsReceived, lastYear.AppealsClosed, lastYear.AppealsClosedOnTime,
            lastYear.AppealsRated, lastYear.AppealsSatisfied));
    }

    [Fact]
    public async Task GetFigures_CarriedOverAppealClosedInNewYear_CountsInNewYearOnly()
    {
        var carried = await ReplyAsync("a-1");
        Clock.SetUtcNow(NewYear);
        var received = Grains.GetGrain<IAppealGrain>("a-2");
        await received.Submit(TestDistrict.Intake("a-2"), TestDistrict.Dispatcher);

        await carried.Close(TestDistrict.Dispatcher, null);
        var figures = await District.GetFigures();
        var lastYear = await District.GetYearFigures(2025);
        var recounted = await Grains.GetGrain<IDistrictAdministrationGrain>(TestDistrict.Code).Recount();

        Assert.Equal((1, 1, 1, 1, 1), (figures.AppealsReceived, figures.AppealsClosed, figures.AppealsRated, figures.AppealsCarriedOver, figures.OpenAppeals));
        Assert.Equal(0.5, figures.ClosureRate);
        Assert.Equal((1, 0), (lastYear.AppealsReceived, lastYear.AppealsClosed));
        Assert.Equal(figures with { At = recounted.At }, recounted);
    }
}

public sealed class FigureYearSqliteTests : FigureYearTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class FigureYearPostgresTests : FigureYearTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
