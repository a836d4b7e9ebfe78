using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.District;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Errors;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Towns;
using Grains.Appeals;
using Grains.Common;
using Grains.Figures;
using Grains.Hosting;
using Microsoft.Extensions.Logging;
using Storage.ReadModels;
using Orleans;
using Orleans.Runtime;

namespace Grains.Projects;

internal sealed record KeyProjectState
{
    public KeyProject? Project { get; init; }

    public string? DistrictCode { get; init; }

    public ImmutableArray<string> Appeals { get; init; } = [];

    /// <summary>What the aggregators last received for this project.</summary>
    public ProjectFigure? Counted { get; init; }
}

/// <summary>A key project kept by its steward. Changes go to the district's and town's project figures (project →
/// aggregators); problems become appeals (project → appeal); nothing calls back.</summary>
[GrainType("project")]
internal sealed class KeyProjectGrain(
    [PersistentState("project")] IPersistentState<KeyProjectState> state,
    KeyProjectRules rules,
    AppealLifecycle lifecycle,
    ReadModelWriter readModel,
    DistrictClock clock,
    ILogger<KeyProjectGrain> logger) : Grain, IKeyProjectGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        state.State.Project is null ? Task.CompletedTask : readModel.UpsertAsync(Row(state.State));

    public async Task<KeyProject> Register(KeyProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        Validation.SameKey(this.GetPrimaryKeyString(), project.Id);
        var created = rules.Create(project with { Milestones = project.Milestones.IsDefault ? [] : project.Milestones });
        Validation.Location(created.Location);
        _ = await GrainFactory.GetGrain<IEnterpriseGrain>(created.OwnerCreditCode ?? string.Empty).GetProfile()
            ?? throw new DomainException(ErrorCodes.EnterpriseUnknown, created.OwnerCreditCode);
        _ = await GrainFactory.GetGrain<IOfficialGrain>(created.StewardOfficialId ?? string.Empty).GetProfile()
            ?? throw new DomainException(ErrorCodes.OfficialUnknown, created.StewardOfficialId);
        var town = await GrainFactory.GetGrain<ITownGrain>(created.TownCode ?? string.Empty).GetProfile()
            ?? throw new DomainException(ErrorCodes.TownUnknown, created.TownCode);
        await CommitAsync(state.State with { Project = created, DistrictCode = town.DistrictCode }, DistrictEventKind.ProjectUpdated);
        return created;
    }

    public Task<KeyProject?> GetProject() => Task.FromResult(state.State.Project);

    public Task<ScheduleProgress> GetProgress() => Task.FromResult(rules.Progress(Require()));

    public Task<KeyProject> MoveStage(ProjectStage to, string? reason, long? seenVersion = null) =>
        ChangeAsync(seenVersion, p => rules.MoveStage(p, to, reason), DistrictEventKind.ProjectStageChanged);

    public Task<KeyProject> PlanMilestone(string name, DateOnly planned, long? seenVersion = null) =>
        ChangeAsync(seenVersion, p => rules.PlanMilestone(p, name, planned), DistrictEventKind.ProjectUpdated);

    public Task<KeyProject> CompleteMilestone(string name, DateOnly actual, long? seenVersion = null) =>
        ChangeAsync(seenVersion, p => rules.CompleteMilestone(p, name, actual), DistrictEventKind.ProjectUpdated);

    public Task<KeyProject> PlanYear(int year, decimal plannedAnnualInvestment, long? seenVersion = null) =>
        ChangeAsync(seenVersion, p => rules.PlanYear(p, year, plannedAnnualInvestment), DistrictEventKind.ProjectUpdated);

    public Task<KeyProject> RecordInvestment(decimal completedAnnualInvestment, long? seenVersion = null) =>
        ChangeAsync(seenVersion, p => rules.RecordInvestment(p, completedAnnualInvestment), DistrictEventKind.ProjectUpdated);

    public async Task<AppealReceipt> RaiseProblem(ProblemReport problem, AppealActor actor, int? seenProblemCount = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var project = Require();
        if (seenProblemCount is { } seen && seen != state.State.Appeals.Length)
        {
            throw new DomainException(ErrorCodes.ProjectProblemsChanged, project.Id, seen, state.State.Appeals.Length);
        }

        ProblemRules.Check(problem, lifecycle);
        var owner = await GrainFactory.GetGrain<IEnterpriseGrain>(project.OwnerCreditCode).GetProfile()
            ?? throw new DomainException(ErrorCodes.EnterpriseUnknown, project.OwnerCreditCode);
        var id = string.Create(CultureInfo.InvariantCulture, $"{project.Id}-q{state.State.Appeals.Length + 1:D3}");
        // The project's own place, not the owner's office, is where the problem is.
        var located = problem with { Location = problem.Location ?? project.Location };
        var receipt = await ProblemRules.RaiseAsync(GrainFactory, id, located, owner with { TownCode = project.TownCode },
            AppealChannel.OfficialVisit, project.Id, actor);
        await state.WriteAsync(state.State with { Appeals = state.State.Appeals.Add(id) });
        return receipt;
    }

    public Task<ImmutableArray<string>> GetAppeals() => Task.FromResult(state.State.Appeals);

    private KeyProject Require() => state.State.Project ?? throw new DomainException(ErrorCodes.ProjectUnknown, this.GetPrimaryKeyString());

    /// <summary>Checks the version the steward saw inside this turn, so no other change can land between the check and
    /// the write.</summary>
    private async Task<KeyProject> ChangeAsync(long? seenVersion, Func<KeyProject, KeyProject> change, DistrictEventKind kind)
    {
        var current = Require();
        if (seenVersion is { } seen && seen != current.Version)
        {
            throw new DomainException(ErrorCodes.ProjectChanged, current.Id, seen, current.Version);
        }

        var changed = change(current);
        if (changed == current)
        {
            // Saving the same figures again is not a change: no new version, no write, nothing on the wall.
            return current;
        }

        var next = changed with { Version = current.Version + 1 };
        await CommitAsync(state.State with { Project = next }, kind);
        return next;
    }

    private async Task CommitAsync(KeyProjectState next, DistrictEventKind kind)
    {
        var before = state.State;
        var project = next.Project!;
        next = next with { Counted = FigureRules.ForProject(project) };
        await state.WriteAsync(next);
        await AfterCommit.RunAsync(this, GrainFactory, logger, next.DistrictCode, async () =>
        {
            ImmutableArray<DistrictEvent> news = [new DistrictEvent(kind, clock.UtcNow, project.TownCode, project.Id, project.Name, project.Location) { SubjectVersion = project.Version }];
            await readModel.UpsertAsync(Row(next), next.DistrictCode, news);
            await FigureDispatch.SendProjectAsync(GrainFactory, before.Counted is null ? null : before.DistrictCode, before.Counted, next.DistrictCode, next.Counted);
            await DistrictFeed.PublishAsync(GrainFactory, next.DistrictCode, news);
        });
    }

    private ProjectRowSource Row(KeyProjectState s) => new(s.Project!, s.DistrictCode ?? string.Empty, clock.UtcNow);
}
