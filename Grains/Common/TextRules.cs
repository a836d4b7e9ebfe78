using Grains.Abstractions.Errors;

namespace Grains.Common;

/// <summary>The one place free text is checked, so every command refuses empty, oversized and control-character text the same
/// way (a NUL could not even be stored on PostgreSQL; line breaks and tabs are text).</summary>
internal static class TextRules
{
    /// <summary>Trims the text and refuses it when empty or longer than <paramref name="maxLength"/>; <paramref name="field"/> is a <c>field.*</c> key.</summary>
    public static string Require(string? text, string field, int maxLength)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(ErrorCodes.TextEmpty, field);
        }

        return Limit(trimmed, field, maxLength);
    }

    /// <summary>Like <see cref="Require"/> but an empty text is allowed and becomes null.</summary>
    public static string? Optional(string? text, string field, int maxLength)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Limit(trimmed, field, maxLength);
    }

    private static string Limit(string text, string field, int maxLength)
    {
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new DomainException(ErrorCodes.TextControlCharacter, field);
        }

        // Counted in text elements so one Chinese character or emoji is one character to the user.
        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        return length > maxLength ? throw new DomainException(ErrorCodes.TextTooLong, field, maxLength, length) : text;
    }
}
