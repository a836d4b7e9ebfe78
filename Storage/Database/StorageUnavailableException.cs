namespace Storage;

/// <summary>The database could not be opened or its schema could not be brought up to date. The message
/// names the connection (never its password) and the cause.</summary>
public sealed class StorageUnavailableException(string message, Exception innerException)
    : Exception(message, innerException)
{
    /// <summary>The messages of an exception and its inner exceptions, because drivers often put the
    /// useful part ("Connection refused") in an inner exception.</summary>
    internal static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(": ", messages);
    }
}
