using System.Collections.Immutable;
using System.Security.Cryptography;
using Grains.Abstractions.Appeals;

namespace Dashboard.Appeals;

/// <summary>One uploaded evidence file that passed the checks, read into memory with its hash.</summary>
internal sealed record EvidenceFile(string Name, string ContentType, byte[] Content, string Sha256)
{
    public AttachmentInfo Info => new(Name, ContentType, Content.LongLength, Sha256);
}

/// <summary>The outcome of checking an upload: the files, or the reason (a resource key and its argument) all were refused.</summary>
internal sealed record EvidenceCheck(ImmutableArray<EvidenceFile> Files, string? ErrorKey = null, string? ErrorArgument = null)
{
    public bool IsRefused => ErrorKey is not null;
}

/// <summary>The rules for reply evidence files: how many, how large, and which types, judged by the extension and by
/// the first bytes, so that a renamed executable is not served to the enterprise as a "photo". One bad file refuses all.</summary>
internal static class EvidenceUpload
{
    public const string FieldName = "EvidenceFiles";
    public const int MaxFiles = 5;
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Accept = ".jpg,.jpeg,.png,.pdf,.docx,.xlsx";

    /// <summary>The request body a full upload needs, with room for the other form fields.</summary>
    public const long MaxRequestBytes = (MaxFiles * MaxBytes) + (1024 * 1024);

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static async Task<EvidenceCheck> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var posted = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (posted.Count > MaxFiles)
        {
            return new([], "EvidenceTooMany", MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var checkedFiles = ImmutableArray.CreateBuilder<EvidenceFile>();
        foreach (var file in posted)
        {
            var name = SafeName(file.FileName);
            if (file.Length > MaxBytes)
            {
                return new([], "EvidenceTooLarge", name);
            }

            if (file.Length == 0 || TypeOf(name) is not { } type)
            {
                return new([], "EvidenceWrongType", name);
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            if (!content.AsSpan().StartsWith(type.Magic))
            {
                return new([], "EvidenceWrongType", name);
            }

            checkedFiles.Add(new EvidenceFile(name, type.ContentType, content, Convert.ToHexStringLower(SHA256.HashData(content))));
        }

        return new(checkedFiles.ToImmutable());
    }

    /// <summary>A size for people: bytes, KB or MB with one decimal.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    /// <summary>The file name without any client path; '|' separates the fields of the history's attachment record,
    /// so it never stays inside a name.</summary>
    internal static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = name.Replace('|', '_').Replace('｜', '_');
        return name.Length == 0 ? "evidence" : name;
    }

    private static (string ContentType, byte[] Magic)? TypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => ("image/jpeg", Jpeg),
        ".png" => ("image/png", Png),
        ".pdf" => ("application/pdf", Pdf),
        ".docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        ".xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        _ => null,
    };
}
