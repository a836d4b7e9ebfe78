using System.Globalization;
using Grains.Abstractions.Errors;

namespace Dashboard.Appeals;

/// <summary>A business-rule refusal in the user's language, and which form field it belongs next to.</summary>
internal static class AppealErrors
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";

    public static string Message(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.MessageIn(Language);
    }

    /// <summary>The intake field the error is about, or "" for the form as a whole.</summary>
    public static string IntakeField(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var argument = error.Arguments.Count > 0 ? error.Arguments[0] : string.Empty;
        return error.Code switch
        {
            ErrorCodes.TextEmpty or ErrorCodes.TextTooLong or ErrorCodes.TextControlCharacter when argument == "field.title" => "Title",
            ErrorCodes.TextEmpty or ErrorCodes.TextTooLong or ErrorCodes.TextControlCharacter when argument == "field.text" => "Text",
            ErrorCodes.CoordinateInvalid => "Location",
            ErrorCodes.CategoryUnknown => "Category",
            ErrorCodes.EnterpriseUnknown or ErrorCodes.TownUnknown => "Enterprise",
            _ when error.Code.StartsWith("enterprise.credit-code", StringComparison.Ordinal) => "Enterprise",
            _ => string.Empty,
        };
    }
}
