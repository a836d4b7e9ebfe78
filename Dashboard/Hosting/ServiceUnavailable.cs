using System.Data.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Storage;

namespace Dashboard.Hosting;

/// <summary>Which failures mean "the cluster or the database cannot be reached right now" (answered with 503 and a page that
/// says so and retries), as opposed to a defect (500).</summary>
internal static class ServiceUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
                or GatewayTooBusyException or TimeoutException or StorageUnavailableException
                || (current is DbException { IsTransient: true }))
            {
                return true;
            }
        }

        return false;
    }
}
