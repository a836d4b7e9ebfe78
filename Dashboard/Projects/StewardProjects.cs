using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;
using Grains.Hosting;
using Grains.Projects;
using Storage.ReadModels;
using Microsoft.Extensions.Options;

namespace Dashboard.Projects;

/// <summary>The key-project list of the steward page, from the read model, with progress computed the way the
/// project grain computes it (no grain is activated for a list).</summary>
internal sealed class StewardProjects(ProjectQueries projects, IOptions<DomainOptions> domain, TimeProvider clock, WorkingCalendarSettings calendar)
{
    public const int PageSize = 20;

    // The read model's largest page.
    private const int WalkPageSize = 500;

    /// <summary>Today in the district's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(calendar.UtcOffset).DateTime);

    /// <summary>One page (from 1) of projects: every project of the district when <paramref name="stewardOfficialId"/> is null, otherwise that steward's only.</summary>
    public async Task<Page<ProjectProgressRow>> ListAsync(string? stewardOfficialId, int page, CancellationToken cancellationToken)
    {
        var offset = Math.Max(0, page - 1) * PageSize;
        var result = await projects.ListAsync(new ProjectListQuery
        {
            DistrictCode = domain.Value.DistrictCode,
            StewardOfficialId = stewardOfficialId,
            Offset = offset,
            Limit = PageSize,
        }, cancellationToken);
        var today = Today;
        var rows = result.Items.Select(p => new ProjectProgressRow(p, Progress(p.PlannedAnnualInvestment, p.CompletedAnnualInvestment, p.Year, today))).ToList();
        return new Page<ProjectProgressRow>(rows, result.Total, result.Offset, result.Limit);
    }

    /// <summary>Every project an enterprise owns (the read model has no owner filter, so the district's list is walked).</summary>
    public async Task<IReadOnlyList<ProjectProgressRow>> OwnedByAsync(string creditCode, CancellationToken cancellationToken)
    {
        var owned = new List<ProjectProgressRow>();
        var today = Today;
        for (var offset = 0; ; offset += WalkPageSize)
        {
            var page = await projects.ListAsync(new ProjectListQuery { DistrictCode = domain.Value.DistrictCode, Offset = offset, Limit = WalkPageSize }, cancellationToken);
            owned.AddRange(page.Items
                .Where(p => string.Equals(p.OwnerCreditCode, creditCode, StringComparison.Ordinal))
                .Select(p => new ProjectProgressRow(p, Progress(p.PlannedAnnualInvestment, p.CompletedAnnualInvestment, p.Year, today))));
            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0)
            {
                return owned;
            }
        }
    }

    private static ScheduleProgress Progress(decimal planned, decimal completed, int year, DateOnly today)
    {
        // As the project rules judge it: a past year at its end, a future year before its start.
        var asOf = today.Year == year ? today : today.Year > year ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1).AddDays(-1);
        return ProjectSchedule.Evaluate(planned, completed, asOf, year);
    }
}
