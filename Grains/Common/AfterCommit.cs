using Grains.Abstractions.District;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Grains.Common;

/// <summary>What follows an entity's durable state write: its read-model row, its counters at the aggregators, its
/// reminder and its live events. Each can be repaired (the row and the reminder when the grain next activates, the counters
/// by the district's figure check), so a failure among them does not turn a stored change into an error for the person who
/// made it: it is logged, this activation ends so that the next call rewrites row and reminder, and the district is asked
/// to check its figures.</summary>
internal static partial class AfterCommit
{
    public static async Task RunAsync(IGrainBase grain, IGrainFactory grains, ILogger logger, string? districtCode, Func<Task> followUps)
    {
        try
        {
            await followUps();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, grain.GrainContext.GrainId.ToString());
            grain.DeactivateOnIdle();
            if (districtCode is not null)
            {
                try
                {
                    await grains.GetGrain<IDistrictAdministrationGrain>(districtCode).RequestFigureCheck();
                }
                catch (Exception again) when (again is not OperationCanceledException)
                {
                    // The start-up and daily checks remain.
                    LogFailed(logger, again, districtCode);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain}: the change is stored, but updating the read model, figures, reminder or live channel failed; it will be repaired")]
    private static partial void LogFailed(ILogger logger, Exception exception, string grain);
}
