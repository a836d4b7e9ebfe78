using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Towns;
using Grains.District;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>Counters that drifted (a delta lost or sent twice by a crash) are repaired from the read model at silo
/// start-up and by the district's daily check, without anyone calling Recount.</summary>
public abstract class FigureRepairTests : DomainTestBase
{
    /// <summary>What a duplicated delta would add: a received-and-closed appeal, an open red one, two enterprises.</summary>
    private static readonly FigureCounts Drift = new()
    {
        Years = ImmutableSortedDictionary<int, AppealYearCounts>.Empty.Add(Start.Year, new AppealYearCounts { Received = 3, Closed = 1, Rated = 1 }),
        OpenRed = 1,
        Enterprises = 2,
    };

    private IDistrictGrain District => Grains.GetGrain<IDistrictGrain>(TestDistrict.Code);

    private async Task CloseAsync(string id) =>
        await (await TestDistrict.RatedAsync(Grains, TestDistrict.Intake(id))).Close(TestDistrict.Dispatcher, null);

    private async Task DriftAsync()
    {
        await Grains.GetGrain<IDistrictAdministrationGrain>(TestDistrict.Code).ApplyCounts(FigureCounts.Zero, Drift);
        await Grains.GetGrain<ITownGrain>(TestDistrict.Town1).ApplyCounts(FigureCounts.Zero, Drift);
        await Grains.GetGrain<IDepartmentGrain>(DepartmentKey.Of(TestDistrict.Code, DepartmentCodes.Finance)).ApplyCounts(FigureCounts.Zero, Drift);
    }

    /// <summary>The figures without what moves with the clock alone (when they changed, 时序进度).</summary>
    private async Task<(DistrictFigures District, DistrictFigures Town, DepartmentRankingRow Finance)> ReadAsync() => (
        await District.GetFigures() with { At = default, ScheduleProgress = 0 },
        await Grains.GetGrain<ITownGrain>(TestDistrict.Town1).GetFigures() with { At = default, ScheduleProgress = 0 },
        Assert.Single(await District.GetDepartmentRanking(), r => r.DepartmentCode == DepartmentCodes.Finance));

    [Fact]
    public async Task Restart_DriftedCounters_AreRecountedFromTheReadModel()
    {
        await CloseAsync("a-1");
        await Grains.GetGrain<IAppealGrain>("a-2").Submit(TestDistrict.Intake("a-2"), TestDistrict.Dispatcher);
        var truth = await ReadAsync();
        await DriftAsync();
        var drifted = await ReadAsync();
        // A restart takes a while; the start-up check leaves a district alone while its rows are a moment old.
        Clock.Advance(TimeSpan.FromMinutes(5));

        await RestartAsync();
        var repaired = await ReadAsync();

        Assert.NotEqual(truth, drifted);
        Assert.Equal(truth, repaired);
        Assert.NotNull(await Grains.GetGrain<IDistrictAdministrationGrain>(TestDistrict.Code).GetRecountedAt());
    }

    [Fact]
    public async Task DailyCheck_DriftedCounters_AreRepairedAtThreeInTheMorning()
    {
        // Closed appeals only: no SLA review runs overnight, so the figures have no reason to change but the drift.
        await CloseAsync("a-1");
        await CloseAsync("a-2");
        var truth = await ReadAsync();
        await DriftAsync();
        var admin = Grains.GetGrain<IDistrictAdministrationGrain>(TestDistrict.Code);

        var threeAm = new DateTimeOffset(2025, 11, 18, 3, 0, 0, TimeSpan.FromHours(8));
        Clock.SetUtcNow(threeAm);
        await FireReminderAsync(admin, DistrictGrain.FigureCheckReminder);
        var repaired = await ReadAsync();

        Assert.Equal(truth, repaired);
        Assert.Equal(threeAm, await admin.GetRecountedAt());
    }
}

public sealed class FigureRepairSqliteTests : FigureRepairTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class FigureRepairPostgresTests : FigureRepairTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
