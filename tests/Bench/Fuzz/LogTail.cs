using System.Text.RegularExpressions;

namespace Bench.Fuzz;

/// <summary>Reads what a process appended to its log since the last look: the requests go one at a time, so an exception
/// logged between two answers belongs to the request in between.</summary>
internal sealed partial class LogTail(string path)
{
    private long offset;

    /// <summary>The first exception type and message logged since the last look.</summary>
    public string? FirstException()
    {
        // The Dashboard logs the exception just after it answered; give the log writer a moment.
        Thread.Sleep(100);
        return Exception().Match(ReadNew()) is { Success: true } match ? match.Value : null;
    }

    /// <summary>Forgets what was logged so far.</summary>
    public void Skip() => ReadNew();

    private string ReadNew()
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length < offset)
        {
            offset = 0;
        }

        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        offset = stream.Position;
        return text;
    }

    [GeneratedRegex("[A-Za-z.]+(Exception|Error): [^\\r\\n]{0,200}")]
    private static partial Regex Exception();
}
