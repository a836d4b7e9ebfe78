namespace Grains.Abstractions.Appeals;

/// <summary>What is known about an attached file; the file itself is stored elsewhere.</summary>
/// <param name="Name">The file name as uploaded.</param>
/// <param name="ContentType">The media type, for example <c>image/jpeg</c>.</param>
/// <param name="SizeBytes">The size in bytes.</param>
/// <param name="Sha256">The lower-case hex SHA-256 of the content, so later edits of the file are visible.</param>
public sealed record AttachmentInfo(string Name, string ContentType, long SizeBytes, string Sha256);
