using Orleans;

namespace Grains.Abstractions.Appeals;

/// <summary>What is known about an attached file; the file itself is stored elsewhere.</summary>
/// <param name="Name">The file name as uploaded.</param>
/// <param name="ContentType">The media type, for example <c>image/jpeg</c>.</param>
/// <param name="SizeBytes">The size in bytes.</param>
/// <param name="Sha256">The lower-case hex SHA-256 of the content, so later edits of the file are visible.</param>
[GenerateSerializer, Immutable, Alias("cc.AttachmentInfo")]
public sealed record AttachmentInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string Sha256);
