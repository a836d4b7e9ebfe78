namespace Dashboard.Http;

/// <summary>A route value that no key of the domain can be (longer than <see cref="GrainKeyGuard.MaxLength"/>).</summary>
public sealed class InvalidGrainKeyException(string message) : ArgumentException(message);

/// <summary>Refuses a request whose route values (an appeal id, a town or enterprise code) are longer than any key of the domain,
/// before any page or endpoint asks a grain, so an oversized key from a URL never activates a grain. Checked here, where keys
/// enter, rather than as an Orleans call filter: any outgoing filter makes every grain-to-grain call take Orleans' slower path.
/// (Orleans itself refuses empty and blank keys when a grain reference is made.)</summary>
internal static class GrainKeyGuard
{
    /// <summary>Longer than any code, id or key of the domain (credit codes are 18 characters, appeal ids 32).</summary>
    public const int MaxLength = 128;

    public static WebApplication UseGrainKeyGuard(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            foreach (var (name, value) in context.Request.RouteValues)
            {
                if (value is string text && text.Length > MaxLength)
                {
                    throw new InvalidGrainKeyException($"Route value {name} is {text.Length} characters long (at most {MaxLength}).");
                }
            }

            return next(context);
        });
        return app;
    }
}
