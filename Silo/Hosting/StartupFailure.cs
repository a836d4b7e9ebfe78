using Microsoft.Extensions.Hosting;
using Storage;

namespace Silo.Hosting;

/// <summary>Turns a start-up failure the operator can fix (an unreachable or unusable database, a wrong setting) into one
/// clear line and exit code 1, instead of a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>Runs the host until it stops; returns the process exit code.</summary>
    public static async Task<int> RunOrExplainAsync(this IHost host, string name)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (Exception exception) when (exception is StorageUnavailableException or StorageLayoutException)
        {
            await Console.Error.WriteLineAsync($"{name} cannot start: {exception.Message}");
            await Console.Error.WriteLineAsync("Check Storage:Provider and Storage:ConnectionString (README, Configuration).");
            return 1;
        }
        catch (SettingsException exception)
        {
            await Console.Error.WriteLineAsync($"{name} cannot start: {exception.Message}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            // A setting validated at start (ValidateOnStart): each failure already names its key.
            await Console.Error.WriteLineAsync($"{name} cannot start: {string.Join(" ", exception.Failures)}");
            return 1;
        }
    }
}
