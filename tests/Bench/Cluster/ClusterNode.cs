using System.Diagnostics;
using System.Globalization;

namespace Bench.Cluster;

/// <summary>One process of the cluster, <c>dotnet X.dll</c> with its own environment, restartable. Its output goes to a log
/// file that is kept after the run, each start and kill marked with the time. Killed like a crash: SIGKILL to its whole tree.
/// Every process id is also appended to <c>BENCH_CLUSTER_PIDS</c> when set, so that tests/bench.sh can sweep up a process
/// this benchmark could not stop itself (the benchmark killed with SIGKILL).</summary>
internal sealed class ClusterNode(string name, string dll, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, string logPath)
    : IDisposable
{
    private readonly Lock gate = new();
    private Process? process;
    private StreamWriter? log;

    public string Name => name;

    public string LogPath => logPath;

    public bool HasExited => process is null || process.HasExited;

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The content root: appsettings.json of the app is found there.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        lock (gate)
        {
            log ??= new StreamWriter(logPath, append: true) { AutoFlush = true };
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException($"{name}: dotnet {dll} did not start.");
        process = started;
        Write($"==== {name} started, pid {started.Id}");
        started.EnableRaisingEvents = true;
        started.Exited += (_, _) =>
        {
            // Kill() forgets the process first, so only an exit of its own is reported.
            if (Volatile.Read(ref process) == started)
            {
                Write($"==== {name} exited by itself with code {started.ExitCode}");
                ClusterLog.Write($"{name} (pid {started.Id}) exited by itself with code {started.ExitCode}; see {logPath}");
            }
        };
        started.OutputDataReceived += (_, e) => Write(e.Data);
        started.ErrorDataReceived += (_, e) => Write(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        if (Environment.GetEnvironmentVariable("BENCH_CLUSTER_PIDS") is { Length: > 0 } pidFile)
        {
            File.AppendAllText(pidFile, $"{started.Id}\n");
        }
    }

    /// <summary>kill -9 of the process and anything it started; returns once it has exited. Safe to call when it is not running.</summary>
    public void Kill()
    {
        var running = Interlocked.Exchange(ref process, null);
        if (running is null)
        {
            return;
        }

        try
        {
            running.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        running.WaitForExit(TimeSpan.FromSeconds(10));
        Write($"==== {name} killed (SIGKILL), pid {running.Id}");
        running.Dispose();
    }

    /// <summary>The last lines of the log, for an error message when the process did not come up.</summary>
    public string Tail(int lines)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    public void Dispose()
    {
        Kill();
        lock (gate)
        {
            log?.Dispose();
            log = null;
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            log?.WriteLine(line.StartsWith("====", StringComparison.Ordinal)
                ? $"{line} at {DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)}"
                : line);
        }
    }
}
