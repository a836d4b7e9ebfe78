using Grains.Abstractions.Projects;
using Storage.ReadModels;

namespace Dashboard.Projects;

/// <summary>One project in the steward's list with its investment completion against 时序进度.</summary>
internal sealed record ProjectProgressRow(ProjectListItem Project, ScheduleProgress Progress);
