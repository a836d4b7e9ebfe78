namespace Dashboard.Http;

/// <summary>Refuses, with 400 and a sentence, every form post whose body cannot be read as a form (more than 1,024 fields, a value
/// over 4 MB, a multipart body without its boundary) or carries a NUL character, before any page or endpoint sees it: the
/// form reader would throw inside the page (a 500), and PostgreSQL cannot store a NUL in a text column (the grain's state
/// written, its read-model row refused: half-stored). No form of the Dashboard sends either.</summary>
internal static class FormGuard
{
    public static WebApplication UseFormGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && !await IsAcceptableAsync(context.Request))
            {
                await PostedForm.Refused(context).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static async Task<bool> IsAcceptableAsync(HttpRequest request)
    {
        try
        {
            // Read once here; the page and the antiforgery check read the same parsed form afterwards.
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return !form.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                && !form.Files.Any(f => f.Name.Contains('\0', StringComparison.Ordinal) || f.FileName.Contains('\0', StringComparison.Ordinal));
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            return false;
        }
    }
}
