using System.Security.Claims;
using Dashboard.Appeals;
using Dashboard.Auth;
using Dashboard.Enterprises;
using Dashboard.Resources;
using Dashboard.Towns;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Layout;

/// <summary>One entry of the main menu.</summary>
public sealed record NavEntry(string Href, string Label, string Icon);

/// <summary>The main menu of a user, by role: every layout draws the same entries, so a role sees the same menu on every page.</summary>
internal sealed class NavEntries(
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<AppealsText> appeals,
    IStringLocalizer<FieldText> field,
    IStringLocalizer<EnterpriseDirectoryText> directory)
{
    public IReadOnlyList<NavEntry> For(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var entries = new List<NavEntry> { new("/", shared["Home"], MudBlazor.Icons.Material.Filled.Home) };
        if (user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin))
        {
            entries.Add(new("/wall", shared["WallNav"], MudBlazor.Icons.Material.Filled.Tv));
        }

        if (AppealAccess.WorkbenchRoles.Split(',').Any(user.IsInRole))
        {
            entries.Add(new("/appeals", appeals["WorkbenchTitle"], MudBlazor.Icons.Material.Filled.Inbox));
        }

        if (user.IsInRole(DashboardRoles.Enterprise))
        {
            entries.Add(new("/my/appeals", field["NavMyAppeals"], MudBlazor.Icons.Material.Filled.Inbox));
        }

        if (user.IsInRole(DashboardRoles.Steward) || user.IsInRole(DashboardRoles.Leader) || user.IsInRole(DashboardRoles.Admin))
        {
            // A steward's list is their own projects; leaders and admins see every key project.
            var label = user.IsInRole(DashboardRoles.Steward) ? field["NavProjects"] : shared["Kpi_Projects"];
            entries.Add(new("/projects", label, MudBlazor.Icons.Material.Filled.Construction));
        }

        if (TownAccess.MayOpenTowns(user))
        {
            entries.Add(new("/towns", shared["NavTowns"], MudBlazor.Icons.Material.Filled.Map));
        }

        if (EnterpriseAccess.PageRoles.Split(',').Any(user.IsInRole))
        {
            entries.Add(new("/enterprises", directory["Nav"], MudBlazor.Icons.Material.Filled.Business));
        }

        if (user.IsInRole(DashboardRoles.Admin))
        {
            entries.Add(new("/admin/runtime", shared["RuntimeTitle"], MudBlazor.Icons.Material.Filled.Monitor));
            entries.Add(new("/admin/wall-tokens", shared["WallTokensTitle"], MudBlazor.Icons.Material.Filled.Key));
            entries.Add(new("/admin/geography", shared["GeographyTitle"], MudBlazor.Icons.Material.Filled.Map));
            entries.Add(new("/admin/security", shared["SecurityTitle"], MudBlazor.Icons.Material.Filled.Security));
        }

        return entries;
    }
}
