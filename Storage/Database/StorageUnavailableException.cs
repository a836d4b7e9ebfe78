using System.Data.Common;

namespace Storage;

/// <summary>The database could not be opened or its schema could not be brought up to date, or its connection was lost (the
/// server restarting or unreachable). The message names the connection (never its password) and the cause.</summary>
public sealed class StorageUnavailableException(string message, Exception? innerException)
    : Exception(message, innerException)
{
    /// <summary>When <paramref name="exception"/> is a lost or refused database connection anywhere in its chain (a transient
    /// <see cref="DbException"/>, such as PostgreSQL's 57P01 "terminating connection due to administrator command"), the same as a
    /// <see cref="StorageUnavailableException"/> that keeps only the messages: it crosses Orleans' wire, the drivers' exceptions do
    /// not. Null for any other failure (a query error is a defect, not an outage).</summary>
    public static StorageUnavailableException? FromConnectionFailure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true })
            {
                return new StorageUnavailableException($"The database is unavailable: {Describe(exception)}", null);
            }
        }

        return null;
    }

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
