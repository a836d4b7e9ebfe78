using System.Globalization;
using Dashboard.Resources;
using Grains.Abstractions.Appeals;
using Microsoft.Extensions.Localization;

namespace Dashboard.Appeals;

/// <summary>An appeal event's payload as labelled lines for people: codes become names, enum values become words,
/// attachments show their name, size and hash. Fields a screen does not know are shown as they are.</summary>
internal static class AppealHistoryDetails
{
    public static IEnumerable<(string Label, string Value)> Describe(AppealEvent e, AppealNames names, IStringLocalizer<AppealsText> text)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var field in e.Payload)
        {
            var name = field.Name;
            var value = field.Value;
            var shown = name switch
            {
                "department" => names.Department(value),
                "departments" => string.Join("、", value.Split(',').Select(names.Department)),
                "town" => names.Town(value),
                "category" => names.Category(value),
                "channel" => Word(text, "Channel_", value),
                "priority" => Word(text, "Priority_", value),
                "rating" or "result" => Word(text, "Rating_", value),
                "from" or "to" => Word(text, "Level_", value),
                "upheld" or "on-time" => value == bool.TrueString ? text["Yes"] : text["No"],
                "deadline" or "objection-deadline" => Stamp(value),
                "reason" when value is "overdue" or "rejected-hand-offs" => Word(text, "EscalationReason_", value),
                _ when name.StartsWith("evidence.", StringComparison.Ordinal) || name.StartsWith("attachment.", StringComparison.Ordinal) => Attachment(text, value),
                _ => value,
            };
            var labelKey = name.StartsWith("evidence.", StringComparison.Ordinal) ? "Field_evidence"
                : name.StartsWith("attachment.", StringComparison.Ordinal) ? "Field_attachment"
                : "Field_" + name;
            var label = text[labelKey];
            yield return (label.ResourceNotFound ? name : label.Value, shown);
        }
    }

    /// <summary>An attachment record "name|type|size|sha256" with the hash in full, so a downloaded file can be checked against it.</summary>
    private static string Attachment(IStringLocalizer<AppealsText> text, string value)
    {
        var parts = value.Split('|');
        return parts.Length == 4 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? text["HistoryAttachment", parts[0], EvidenceUpload.FormatSize(size), parts[3]].Value
            : parts[0];
    }

    private static string Word(IStringLocalizer<AppealsText> text, string prefix, string value)
    {
        var word = text[prefix + value];
        return word.ResourceNotFound ? value : word.Value;
    }

    private static string Stamp(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : value;
}
