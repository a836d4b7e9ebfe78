using System.Collections.Immutable;
using Grains.Abstractions.Appeals;
using Orleans;
using Orleans.Concurrency;

namespace Grains.Abstractions.Projects;

/// <summary>One key project (重点项目), keyed by its id; updated by its steward (项目管家). A change given the
/// <see cref="KeyProject.Version"/> its form was opened on is refused with <c>project.changed</c> when the project
/// changed since; without one it applies to the project as it is now.</summary>
[Alias("cc.IKeyProjectGrain")]
public interface IKeyProjectGrain : IGrainWithStringKey
{
    /// <summary>Registers the project; the owner enterprise, the steward and the town must exist.</summary>
    Task<KeyProject> Register(KeyProject project);

    /// <summary>The project, or null when never registered.</summary>
    [ReadOnly]
    Task<KeyProject?> GetProject();

    /// <summary>Investment completion against 时序进度 today.</summary>
    [ReadOnly]
    Task<ScheduleProgress> GetProgress();

    /// <summary>Moves the project to another stage; moving back needs a reason.</summary>
    Task<KeyProject> MoveStage(ProjectStage to, string? reason, long? seenVersion = null);

    /// <summary>Plans a milestone (节点) or changes its planned date.</summary>
    Task<KeyProject> PlanMilestone(string name, DateOnly planned, long? seenVersion = null);

    /// <summary>Records the day a milestone was actually reached.</summary>
    Task<KeyProject> CompleteMilestone(string name, DateOnly actual, long? seenVersion = null);

    /// <summary>Sets the planned investment of a year (年度计划投资).</summary>
    Task<KeyProject> PlanYear(int year, decimal plannedAnnualInvestment, long? seenVersion = null);

    /// <summary>Records the investment completed so far this year (已完成投资).</summary>
    Task<KeyProject> RecordInvestment(decimal completedAnnualInvestment, long? seenVersion = null);

    /// <summary>Raises a blocking problem; it becomes an appeal linked to the project. Given how many problems the
    /// steward saw, it is refused with <c>project.problems-changed</c> when another was raised meanwhile (a double tap).</summary>
    Task<AppealReceipt> RaiseProblem(ProblemReport problem, AppealActor actor, int? seenProblemCount = null);

    /// <summary>The appeals raised on this project.</summary>
    [ReadOnly]
    Task<ImmutableArray<string>> GetAppeals();
}
