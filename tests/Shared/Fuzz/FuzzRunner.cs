using System.Diagnostics;

namespace TestInfrastructure.Fuzz;

/// <summary>The answer to one generated post; <see cref="Status"/> is 0 when there was none (connection or time-out).</summary>
public sealed record FuzzOutcome(FuzzRequest Request, int Status, bool Refused, bool ChangedState, string? Failure);

/// <summary>What a run found: every answer by status, the 5xx answers, and the refused posts that changed stored state.</summary>
public sealed class FuzzReport
{
    public int Requests { get; set; }

    public SortedDictionary<int, int> ByStatus { get; } = [];

    public List<FuzzOutcome> ServerErrors { get; } = [];

    public List<FuzzOutcome> HalfStored { get; } = [];

    public List<FuzzOutcome> NoAnswer { get; } = [];
}

/// <summary>Sends generated posts one at a time (so a change of the stored state belongs to one post) and checks each: no 5xx,
/// and a refused post (a 4xx, or the form back with an error alert) has not changed <see cref="FuzzFingerprint"/>.</summary>
public static class FuzzRunner
{
    public static async Task<FuzzReport> RunAsync(
        FuzzGenerator generator, FuzzSessions sessions, IEnumerable<int> indexes, TimeSpan timeBox, Func<CancellationToken, Task<string>> fingerprint,
        Action<FuzzOutcome>? log, CancellationToken cancellationToken)
    {
        var report = new FuzzReport();
        var started = Stopwatch.GetTimestamp();
        var before = await fingerprint(cancellationToken);
        foreach (var index in indexes)
        {
            if (Stopwatch.GetElapsedTime(started) > timeBox)
            {
                break;
            }

            var request = generator.Create(index);
            var (status, refused, failure) = await SendAsync(sessions.Clients[request.Session], request, cancellationToken);
            var after = await fingerprint(cancellationToken);
            var outcome = new FuzzOutcome(request, status, refused, after != before, failure);
            before = after;
            report.Requests++;
            report.ByStatus[status] = report.ByStatus.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                report.ServerErrors.Add(outcome);
            }
            else if (status == 0)
            {
                report.NoAnswer.Add(outcome);
            }

            if (refused && outcome.ChangedState)
            {
                report.HalfStored.Add(outcome);
            }

            log?.Invoke(outcome);
        }

        return report;
    }

    private static async Task<(int Status, bool Refused, string? Failure)> SendAsync(HttpClient client, FuzzRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(request.Path, UriKind.Relative)) { Content = new ByteArrayContent(request.Body) };
        if (request.ContentType is { } contentType)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // The pages answer a refused form with 200 and the form back, an error alert above it.
            var refused = status is >= 400 and < 500 || (status == 200 && body.Contains("alert alert-danger", StringComparison.Ordinal));
            return (status, refused, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (0, false, $"{exception.GetType().Name}: {exception.Message}");
        }
    }
}
