using Silo.Storage;

namespace Dashboard.Hosting;

/// <summary>Turns a start-up failure the operator can fix (an unreachable or unusable database) into one
/// clear line and exit code 1, instead of a stack trace.</summary>
internal static class StartupFailure
{
    public static int RunOrExplain(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (StorageUnavailableException exception)
        {
            Console.Error.WriteLine($"企业服务指挥中心 cannot start: {exception.Message}");
            Console.Error.WriteLine("Check Storage:Provider and Storage:ConnectionString (README, Configuration).");
            return 1;
        }
    }
}
