using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Security;

/// <summary>Small helpers the security tests share: reading a page's alert, posting a page's form with its antiforgery token,
/// and waiting for a hub connection to be closed by the server.</summary>
internal static class SecurityPages
{
    public static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The text of the page's first alert (role=alert), or null.</summary>
    public static async Task<string?> AlertAsync(HttpResponseMessage response) =>
        (await DocumentAsync(response)).QuerySelector("[role=alert]")?.TextContent.Trim();

    /// <summary>Posts a Blazor form of <paramref name="page"/> (its handler name and fields) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string handler, params (string Name, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("_handler", handler))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in and asserts it worked (a redirect away from the sign-in page).</summary>
    public static async Task SignInOrFailAsync(this HttpClient client, string userName, string password)
    {
        using var response = await client.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Waits until the server closes the hub connection; fails after <paramref name="within"/>.</summary>
    public static async Task AssertClosedWithinAsync(RawHubClient hub, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var closed = false;
        try
        {
            // Nothing is ever pushed under this name: the call returns only when the connection ends.
            await hub.NextPushAsync("nothing-is-pushed-under-this-name", timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"The hub connection was still open after {within.TotalSeconds} s.");
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Net.WebSockets.WebSocketException or IOException)
        {
            closed = true;
        }

        Assert.True(closed);
    }

    /// <summary>A fresh client that sends exactly this Cookie header (a copied cookie), following no redirects.</summary>
    public static HttpClient ClientWithCookieHeader(DashboardFactory factory, string cookieHeader, string accept = "text/html")
    {
        var client = factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }
}
