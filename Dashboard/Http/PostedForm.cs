using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Dashboard.Http;

/// <summary>The body of a form post to an endpoint that is not a page, read only when it carries a valid antiforgery token.
/// A body that cannot be read as a form (a NUL byte, more than 1,024 fields, a value over 4 MB, a missing multipart boundary)
/// makes the antiforgery check and the form reader throw; here it is a refusal like a missing token.</summary>
internal static class PostedForm
{
    /// <summary>The form, or null when the token is missing or wrong or the body is not a readable form.</summary>
    public static async Task<IFormCollection?> ReadValidAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context)
                ? await context.Request.ReadFormAsync(context.RequestAborted)
                : null;
        }
        catch (Exception exception) when (exception is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>400 with a sentence in the user's language: the post did not come from the page's form as it was served.</summary>
    public static IResult Refused(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<Resources.SharedResource>>();
        return Results.Text(text["FormRefused"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
    }
}
