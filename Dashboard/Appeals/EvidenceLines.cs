using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Grains.Abstractions.Appeals;

namespace Dashboard.Appeals;

/// <summary>Reply evidence typed as lines "file name | description". The workbench does not store files yet, so each
/// line becomes attachment metadata: the description travels in the name, the hash is over the line itself.</summary>
internal static class EvidenceLines
{
    public const string DescriptionSeparator = " — ";

    public static ImmutableArray<AttachmentInfo> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<AttachmentInfo>();
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(['|', '｜'], 2, StringSplitOptions.TrimEntries);
            // '|' separates the fields of the history's attachment record, so it never stays inside a value.
            var name = parts[0];
            var description = parts.Length > 1 ? parts[1].Replace("|", "/", StringComparison.Ordinal) : string.Empty;
            if (name.Length == 0)
            {
                continue;
            }

            var shown = description.Length == 0 ? name : name + DescriptionSeparator + description;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shown)));
            builder.Add(new AttachmentInfo(shown, ContentTypeOf(name), 0, hash));
        }

        return builder.ToImmutable();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".pdf" => "application/pdf",
        ".doc" or ".docx" => "application/msword",
        ".xls" or ".xlsx" => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    };
}
