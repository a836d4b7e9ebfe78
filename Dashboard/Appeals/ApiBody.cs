using System.Text.Json;

namespace Dashboard.Appeals;

/// <summary>Reads an API call's JSON body itself, so that a body that is not JSON, not the expected shape or not UTF-8
/// (or one with a NUL character) answers the API's 400 problem in the caller's language instead of the framework's exception (a 500 in Development).</summary>
internal static class ApiBody
{
    /// <summary>The problem code of an unreadable body.</summary>
    public const string Malformed = "request.body";

    /// <summary>The body as <typeparamref name="T"/>, or null when it is missing, not JSON or not readable as one.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            // A NUL escaped as \u0000 is valid JSON, but PostgreSQL cannot store it in a text column.
            return body is not null && !JsonSerializer.Serialize(body).Contains("\\u0000", StringComparison.Ordinal) ? body : null;
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException or NotSupportedException
            // An unknown charset in the content type.
            or InvalidOperationException { InnerException: ArgumentException })
        {
            return null;
        }
    }
}
