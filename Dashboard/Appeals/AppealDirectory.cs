using System.Collections.Immutable;
using System.Globalization;
using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Officials;
using Grains.Abstractions.Sla;
using Grains.Abstractions.Towns;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.Options;
using Orleans;

namespace Dashboard.Appeals;

/// <summary>The names the workbench shows instead of codes: district, towns, departments, categories and district
/// leaders. Read once per request from the district grain and the settings; never from appeal grains.</summary>
internal sealed class AppealDirectory(
    IGrainFactory grains, IOptions<DomainOptions> options, SlaSettings sla, OfficialQueries officials, WorkingCalendarSettings calendar, Auth.UserStore users)
{
    public string DistrictCode => options.Value.DistrictCode;

    /// <summary>The district's offset from UTC: times are shown in the district's local time.</summary>
    public TimeSpan UtcOffset => calendar.UtcOffset;

    public ImmutableArray<AppealCategoryDefinition> Categories => sla.Categories;

    public async Task<AppealNames> LoadAsync()
    {
        var district = grains.GetGrain<IDistrictGrain>(DistrictCode);
        string districtName;
        IReadOnlyList<TownProfile> towns;
        ImmutableArray<DepartmentProfile> departments;
        try
        {
            districtName = (await district.GetProfile()).Name;
            towns = await district.GetTowns();
            departments = await grains.GetGrain<IDistrictAdministrationGrain>(DistrictCode).GetDepartments();
        }
        catch (Grains.Abstractions.Errors.DomainException)
        {
            // A district not set up yet: the workbench still opens, with codes instead of names.
            districtName = DistrictCode;
            towns = [];
            departments = [];
        }

        return new AppealNames(districtName, towns, departments, Categories);
    }

    /// <summary>The names with the display names of the people who acted in <paramref name="history"/>.</summary>
    public async Task<AppealNames> WithPeopleAsync(AppealNames names, IEnumerable<Grains.Abstractions.Appeals.AppealEvent> history, CancellationToken cancellationToken) =>
        new(names.DistrictName, names.Towns, names.Departments, names.Categories)
        {
            People = await users.DisplayNamesAsync([.. history.Select(e => e.ActorId).Distinct(StringComparer.Ordinal)], cancellationToken),
        };

    /// <summary>District leaders (区领导) who can lead a task force (专班).</summary>
    public async Task<IReadOnlyList<OfficialListItem>> DistrictLeadersAsync(CancellationToken cancellationToken) =>
        (await officials.ListAsync(new OfficialListQuery { Tier = OfficialTier.DistrictLeader, Limit = 100 }, cancellationToken)).Items;

    public DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(UtcOffset);

    public string Format(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
