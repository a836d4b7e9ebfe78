using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grains.Abstractions.Projects;

namespace Dashboard.Projects;

/// <summary>A short fingerprint of what a steward can change on a project, carried in every form as a hidden field:
/// when it no longer matches, someone changed the project after the form was opened, and the form is refused.</summary>
internal static class ProjectVersion
{
    public static string Of(KeyProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var text = new StringBuilder()
            .Append(project.Stage).Append('|')
            .Append(project.Year.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(project.PlannedAnnualInvestment.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(project.CompletedAnnualInvestment.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(project.TotalInvestment.ToString(CultureInfo.InvariantCulture));
        foreach (var milestone in project.Milestones)
        {
            text.Append('|').Append(milestone.Name).Append('=').Append(milestone.Planned.DayNumber.ToString(CultureInfo.InvariantCulture))
                .Append('/').Append(milestone.Actual?.DayNumber.ToString(CultureInfo.InvariantCulture) ?? "-");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
