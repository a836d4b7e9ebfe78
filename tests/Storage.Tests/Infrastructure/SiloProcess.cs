using System.Diagnostics;
using System.Text;

namespace Storage.Tests.Infrastructure;

/// <summary>A test silo in a child process (this assembly's <see cref="Program"/>), for the one thing a silo in the test
/// process cannot do: die without a word. Killing it closes its sockets and leaves its membership row as it was, as a
/// crash (kill -9) does; the other silos must find out by themselves.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly StringBuilder errors;

    private SiloProcess(Process process, StringBuilder errors)
    {
        this.process = process;
        this.errors = errors;
    }

    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(SiloProcess).Assembly.Location);
        start.ArgumentList.Add("silo");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, errors);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(Program.ReadyLine, StringComparison.Ordinal))
                {
                    return silo;
                }
            }

            throw new InvalidOperationException($"The silo process exited before it was ready: {silo.Errors}");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>Kills the process at once: no shutdown, no last word to the cluster.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
