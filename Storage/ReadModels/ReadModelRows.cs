using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Figures;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Projects;
using Grains.Abstractions.Sla;

namespace Storage.ReadModels;

/// <summary>The read-model rows, built from grain state by one function each, so the grains and the demo loader agree.</summary>
public static class ReadModelRows
{
    public static readonly RowTable<AppealRowSource> Appeals = new("rm_appeals", "id",
        ["id", "district_code", "town_code", "department_code", "enterprise_code", "enterprise_name", "project_id", "channel",
            "category", "priority", "title", "status", "level", "light", "is_closed", "closed_on_time", "rated", "satisfied", "rating",
            "latitude", "longitude", "accepted_at", "deadline", "closed_at", "updated_at"],
        s => [s.Appeal.Id, s.DistrictCode, s.Appeal.TownCode, s.Appeal.DepartmentCode, s.Appeal.EnterpriseCreditCode, s.EnterpriseName,
            s.Appeal.ProjectId, s.Appeal.Channel.ToString(), s.Appeal.Category, s.Appeal.Priority.ToString(), s.Appeal.Title,
            s.Appeal.Status.ToString(), s.Appeal.Level.ToString(), s.Light?.ToString(), s.Counts.AllYears().Closed, s.Counts.AllYears().ClosedOnTime,
            s.Counts.AllYears().Rated, s.Counts.AllYears().Satisfied, s.Appeal.EffectiveRating?.ToString(), s.Appeal.Location?.Latitude,
            s.Appeal.Location?.Longitude, Db.Millis(s.Appeal.AcceptedAt), Db.Millis(s.Appeal.Deadline),
            s.Appeal.ClosedAt is { } closed ? Db.Millis(closed) : null, Db.Millis(s.UpdatedAt)]);

    public static readonly RowTable<EnterpriseRowSource> Enterprises = new("rm_enterprises", "credit_code",
        ["credit_code", "district_code", "town_code", "station_code", "name", "industry", "size", "credit_level", "official_count",
            "latitude", "longitude", "updated_at"],
        s => [s.Profile.CreditCode, s.DistrictCode, s.Profile.TownCode, s.Profile.StationCode, s.Profile.Name, s.Profile.Industry,
            s.Profile.Size.ToString(), s.Profile.CreditLevel.ToString(), s.OfficialCount, s.Profile.Location?.Latitude,
            s.Profile.Location?.Longitude, Db.Millis(s.UpdatedAt)]);

    public static readonly RowTable<OfficialRowSource> Officials = new("rm_officials", "id",
        ["id", "district_code", "name", "tier", "unit_code", "town_code", "industries", "enterprise_count", "updated_at"],
        s => [s.Profile.Id, s.DistrictCode, s.Profile.Name, s.Profile.Tier.ToString(), s.Profile.UnitCode, s.Profile.TownCode,
            IndustryList(s.Profile), s.EnterpriseCount, Db.Millis(s.UpdatedAt)]);

    public static readonly RowTable<ProjectRowSource> Projects = new("rm_projects", "id",
        ["id", "district_code", "town_code", "name", "owner_code", "steward_id", "stage", "start_date", "year", "total_investment",
            "planned_investment", "completed_investment", "latitude", "longitude", "updated_at"],
        s => [s.Project.Id, s.DistrictCode, s.Project.TownCode, s.Project.Name, s.Project.OwnerCreditCode, s.Project.StewardOfficialId,
            s.Project.Stage.ToString(), s.Project.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            s.Project.Year, s.Project.TotalInvestment, s.Project.PlannedAnnualInvestment, s.Project.CompletedAnnualInvestment,
            s.Project.Location?.Latitude, s.Project.Location?.Longitude, Db.Millis(s.UpdatedAt)]);

    /// <summary>Industries as "|a|b|" so one LIKE '%|x|%' finds an official who knows industry x.</summary>
    public static string IndustryList(OfficialProfile profile) =>
        profile.Industries.IsDefaultOrEmpty ? "|" : "|" + string.Join('|', profile.Industries) + "|";
}

public sealed record AppealRowSource(Appeal Appeal, string DistrictCode, string EnterpriseName, SlaLight? Light, FigureCounts Counts, DateTimeOffset UpdatedAt);

public sealed record EnterpriseRowSource(EnterpriseProfile Profile, string DistrictCode, int OfficialCount, DateTimeOffset UpdatedAt);

public sealed record OfficialRowSource(OfficialProfile Profile, string DistrictCode, int EnterpriseCount, DateTimeOffset UpdatedAt);

public sealed record ProjectRowSource(KeyProject Project, string DistrictCode, DateTimeOffset UpdatedAt);
