using System.Net;
using AngleSharp.Html.Parser;
using Dashboard.Auth;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form, antiforgery token included.</summary>
internal static class SignIn
{
    public static Task<HttpResponseMessage> AsDemoAsync(this HttpClient client, string role) =>
        client.SignInAsync(role, DemoAccounts.Password);

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var token = await client.AntiforgeryTokenAsync("/signin");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", form);
        return response;
    }

    /// <summary>The antiforgery token of the first form on the page (the cookie half lands in the client's cookies).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token.");
    }
}
