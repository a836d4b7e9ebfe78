using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bench.Cluster;

/// <summary>How one HTTP call ended.</summary>
internal enum CallOutcome
{
    Success,
    ClientError,
    ServerError,
    Timeout,
    ConnectionFailed,
}

/// <summary>One answer of the appeal API: its status (0 when there was none) and the appeal's version when it named one.</summary>
internal readonly record struct ApiAnswer(CallOutcome Outcome, int Status, long? Version);

/// <summary>A user signed in to the Dashboard through its real /signin form, calling the JSON appeal API with one cookie.</summary>
internal sealed partial class DashboardSession : IDisposable
{
    private readonly HttpClient http;
    private readonly CookieContainer cookies;

    private DashboardSession(HttpClient http, CookieContainer cookies) => (this.http, this.cookies) = (http, cookies);

    /// <summary>The session cookie, for a SignalR connection as the same user.</summary>
    public string CookieHeader => cookies.GetCookieHeader(http.BaseAddress!);

    public static async Task<DashboardSession> SignInAsync(Uri baseAddress, string userName, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var page = await http.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        var token = AntiforgeryToken().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("/signin has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var response = await http.PostAsync(new Uri("/signin?returnUrl=%2F", UriKind.Relative), form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("signin", StringComparison.Ordinal) != false)
        {
            http.Dispose();
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect away from /signin.");
        }

        return new DashboardSession(http, cookies);
    }

    /// <summary>Sends one call; never throws except when <paramref name="cancellationToken"/> is cancelled. A call that takes
    /// longer than <paramref name="timeout"/> ends as <see cref="CallOutcome.Timeout"/>.</summary>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, object? body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await http.SendAsync(request, deadline.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return new ApiAnswer(status >= 500 ? CallOutcome.ServerError : CallOutcome.ClientError, status, null);
            }

            // {"id": ..., "status": ..., "version": n}; a repeated command answers version null.
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(deadline.Token), cancellationToken: deadline.Token);
            var version = json.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : (long?)null;
            return new ApiAnswer(CallOutcome.Success, status, version);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ApiAnswer(CallOutcome.Timeout, 0, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return new ApiAnswer(CallOutcome.ConnectionFailed, 0, null);
        }
    }

    /// <summary>GET of any page or API path: its status and body (status 0, no body: no answer within <paramref name="timeout"/>
    /// or no connection). Never throws except when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<(int Status, string Body)> GetTextAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), deadline.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(deadline.Token));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (0, "");
        }
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
