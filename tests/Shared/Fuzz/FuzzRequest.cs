using System.Text;

namespace TestInfrastructure.Fuzz;

/// <summary>One generated post, complete to the byte, so that it can be logged and sent again: who sends it (a role's
/// session or <see cref="FuzzGenerator.Anonymous"/>), where, with which content type and body.</summary>
public sealed record FuzzRequest(int Index, string Session, string Path, string? ContentType, byte[] Body, string Target, string Mutations)
{
    /// <summary>One log line: index, session, path, content type, body size and what was done to it.</summary>
    public string Describe() =>
        Printable($"#{Index} {Session} POST {Path} [{ContentType ?? "no content type"}] {Body.Length} bytes; {Target}; {Mutations}");

    /// <summary>The start of the body, printable, for a failure message.</summary>
    public string BodyPreview(int length = 300)
    {
        return Printable(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, length)));
    }

    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '·' : c)]);
}
