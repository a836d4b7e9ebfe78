using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Grains.Tests.Infrastructure;
using Storage;

namespace Grains.Tests.Domain;

/// <summary>Orleans does not refuse a call that comes back into a waiting non-reentrant grain (A → B → A): it waits until the
/// response timeout. These tests run the deepest call chains of the domain (Grains/README.md, "Who calls whom") with a
/// short timeout, alone and against each other, so a cycle introduced into the graph fails here in seconds.</summary>
public abstract class CallGraphTests : DomainTestBase
{
    protected override IDictionary<string, string?>? SiloSettings => new Dictionary<string, string?> { ["Silo:ResponseTimeout"] = "00:00:05" };

    [Fact]
    public async Task VisitWithProblem_OfficialToAppealToEnterpriseTownAndAggregators_Completes()
    {
        // official → appeal (submit) → enterprise, town (reads) → district, town, department (deltas) → district (publish)
        ImmutableArray<ProblemReport> problems = [new("talent", AppealPriority.Normal, "招工难", "急需技术工人二十名")];

        var visit = await Grains.GetGrain<IOfficialGrain>(TestDistrict.TownOfficial).RecordVisit(
            new VisitReport(TestDistrict.Enterprise1, new DateOnly(2025, 11, 17), "了解用工情况", problems));

        Assert.Single(visit.AppealIds);
    }

    [Fact]
    public async Task ProjectProblemRoutedAndRecountedAtOnce_ChainsInBothDirections_Complete()
    {
        // project → appeal → …, while the district calls towns and departments (recount): no chain may come back.
        var project = Grains.GetGrain<IKeyProjectGrain>("p-1");
        await project.Register(new KeyProject(
            "p-1", "示范项目", TestDistrict.Enterprise1, TestDistrict.DepartmentOfficial, TestDistrict.Town1, ProjectStage.Approval,
            new DateOnly(2025, 1, 10), TotalInvestment: 50_000m, Year: 2025, PlannedAnnualInvestment: 10_000m, CompletedAnnualInvestment: 5_000m));
        var admin = Grains.GetGrain<IDistrictAdministrationGrain>(TestDistrict.Code);
        var actor = new AppealActor(TestDistrict.DepartmentOfficial, ActorRole.PackageOfficial, "finance", ActionChannel.Mobile);

        var raised = project.RaiseProblem(new ProblemReport("project", AppealPriority.Urgent, "用地指标", "用地指标尚未落实"), actor);
        var recounts = Enumerable.Range(0, 5).Select(_ => admin.Recount());
        await Task.WhenAll(recounts.Cast<Task>().Append(raised));

        var appeal = Grains.GetGrain<IAppealGrain>((await raised).Appeal.Id);
        await appeal.Route(TestDistrict.Dispatcher, DepartmentCodes.Finance);
        await Task.WhenAll(appeal.TakeOver(TestDistrict.FinanceHandler), admin.Recount(), admin.CheckFigures());
        Assert.Equal(AppealStatus.InProgress, (await appeal.Get())!.Status);
    }
}

public sealed class CallGraphSqliteTests : CallGraphTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class CallGraphPostgresTests : CallGraphTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
