using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Sla;

namespace Bench.Cluster;

/// <summary>A transition the Dashboard acknowledged (2xx with a version): the action, the version it was posted with (0 for
/// an intake) and the version answered; <see cref="At"/> is when the answer arrived (a <see cref="Stopwatch"/> timestamp).</summary>
internal sealed record Acknowledgement(string Action, long PostedVersion, long Version)
{
    public long At { get; } = Stopwatch.GetTimestamp();
}

/// <summary>The closed loop driven through the Dashboard's appeal API by concurrent workers signed in as the demo dispatcher:
/// each intakes a new appeal of a demo enterprise, routes it to finance, supervises it <see cref="SupervisesPerAppeal"/> times
/// with the version each answer returns, then starts the next appeal. After a call that failed or answered 409 the worker reads
/// the appeal's version (GET) and goes on from there, so a write that landed without an answer is not made twice. Every
/// acknowledged transition is recorded per appeal, and every call is counted by how it ended.</summary>
internal sealed class AppealLoad
{
    public const int SupervisesPerAppeal = 20;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    private readonly DashboardSession session;
    private readonly IReadOnlyList<string> enterprises;
    private readonly CancellationTokenSource stop;
    private readonly string?[] current;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Acknowledgement>> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly Task[] workers;
    private long count;
    private int refusals;

    private AppealLoad(DashboardSession session, IReadOnlyList<string> enterprises, int workerCount, CancellationToken cancellationToken)
    {
        (this.session, this.enterprises) = (session, enterprises);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        current = new string?[workerCount];
        workers = [.. Enumerable.Range(0, workerCount).Select(i => Task.Run(() => WorkAsync(i, stop.Token)))];
    }

    /// <summary>Raised on the worker's thread for every acknowledged transition, with its appeal.</summary>
    public event Action<string, Acknowledgement>? Acknowledging;

    /// <summary>Acknowledged transitions so far.</summary>
    public long Acknowledged => Interlocked.Read(ref count);

    /// <summary>Every appeal of this load with its acknowledged transitions.</summary>
    public IReadOnlyDictionary<string, ConcurrentQueue<Acknowledgement>> Appeals => acknowledged;

    /// <summary>Calls by how they ended: 2xx, 409, 4xx (other), the status of a 5xx, timeout, connection.</summary>
    public IReadOnlyDictionary<string, int> Calls => calls;

    /// <summary>The appeals the workers are busy with now, so their grains are active somewhere.</summary>
    public IReadOnlyList<string> CurrentAppeals => [.. current.OfType<string>()];

    public static AppealLoad Start(DashboardSession session, IReadOnlyList<string> enterprises, int workers, CancellationToken cancellationToken) =>
        new(session, enterprises, workers, cancellationToken);

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        stop.Dispose();
    }

    private async Task WorkAsync(int worker, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var appeal = Guid.NewGuid().ToString("N");
                current[worker] = appeal;
                var intake = Intake(appeal, enterprises[Random.Shared.Next(enterprises.Count)]);
                long? version = await IntakeAsync(appeal, intake, cancellationToken);
                version = await TransitionAsync(appeal, intake, "route", v => new { version = v, departmentCode = DepartmentCodes.Finance }, version.Value, cancellationToken);
                for (var i = 0; i < SupervisesPerAppeal && version is { } seen; i++)
                {
                    version = await TransitionAsync(appeal, intake, "supervise", v => new { version = v, text = "请加快办理（集群压测）" }, seen, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The load was stopped; a call cut off here is neither acknowledged nor counted.
        }
    }

    /// <summary>Posts the intake until it is acknowledged (the caller-chosen id makes a repeat find the same appeal).</summary>
    private async Task<long> IntakeAsync(string appeal, object intake, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await CallAsync(HttpMethod.Post, "/api/appeals", intake, cancellationToken);
            if (answer.Version is { } version)
            {
                Acknowledge(appeal, new Acknowledgement("intake", 0, version));
                return version;
            }

            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    /// <summary>Runs one transition from <paramref name="version"/> until it is acknowledged or the appeal has moved past that
    /// version anyway (the write landed without an answer). Null when the Dashboard refused it (4xx other than 409).</summary>
    private async Task<long?> TransitionAsync(
        string appeal, object intake, string action, Func<long, object> body, long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await CallAsync(HttpMethod.Post, $"/api/appeals/{appeal}/{action}", body(version), cancellationToken);
            if (answer.Version is { } acknowledgedVersion)
            {
                Acknowledge(appeal, new Acknowledgement(action, version, acknowledgedVersion));
                return acknowledgedVersion;
            }

            if (answer.Outcome == CallOutcome.ClientError && answer.Status != 409)
            {
                if (Interlocked.Increment(ref refusals) <= 5)
                {
                    ClusterLog.Write($"load: {action} of {appeal} at version {version} answered {answer.Status}; the worker moves on to a new appeal");
                }

                return null;
            }

            var stored = await ReadVersionAsync(appeal, intake, cancellationToken);
            if (stored > version)
            {
                return stored;
            }

            if (answer.Outcome != CallOutcome.ClientError)
            {
                await Task.Delay(RetryPause, cancellationToken);
            }
        }
    }

    /// <summary>The appeal's stored version, asked until the Dashboard answers. A 404 means the read-model row that GET checks
    /// first is missing (a crash between the state write and the row); the intake repeated answers the version instead.</summary>
    private async Task<long> ReadVersionAsync(string appeal, object intake, CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await CallAsync(HttpMethod.Get, $"/api/appeals/{appeal}", null, cancellationToken);
            if (answer.Status == 404)
            {
                answer = await CallAsync(HttpMethod.Post, "/api/appeals", intake, cancellationToken);
            }

            if (answer.Version is { } version)
            {
                return version;
            }

            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    private async Task<ApiAnswer> CallAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(method, path, body, CallTimeout, cancellationToken);
        var label = answer.Outcome switch
        {
            CallOutcome.Success => "2xx",
            CallOutcome.ClientError when answer.Status == 409 => "409",
            CallOutcome.ClientError => "4xx",
            CallOutcome.ServerError => answer.Status.ToString(CultureInfo.InvariantCulture),
            CallOutcome.Timeout => "timeout",
            _ => "connection",
        };
        calls.AddOrUpdate(label, 1, (_, n) => n + 1);
        return answer;
    }

    private void Acknowledge(string appeal, Acknowledgement acknowledgement)
    {
        acknowledged.GetOrAdd(appeal, _ => new ConcurrentQueue<Acknowledgement>()).Enqueue(acknowledgement);
        Interlocked.Increment(ref count);
        Acknowledging?.Invoke(appeal, acknowledgement);
    }

    private static object Intake(string id, string creditCode) => new
    {
        id,
        enterpriseCreditCode = creditCode,
        channel = nameof(AppealChannel.Hotline12345),
        category = "finance",
        priority = nameof(AppealPriority.Normal),
        title = "续贷困难（集群压测）",
        text = "集群压测：企业贷款续贷遇到困难，请求协调。",
    };
}
