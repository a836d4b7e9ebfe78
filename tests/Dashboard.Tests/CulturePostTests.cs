using System.Net;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests;

/// <summary>The language switch (POST /culture) with bodies its form never sends: refused with 400 and a sentence, no cookie
/// set; and a return URL with characters a Location header cannot carry still redirects.</summary>
public sealed class CulturePostTests : IAsyncLifetime
{
    private readonly DashboardFactory factory = new();
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = factory.CreateClient(new CookieContainer());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "a NUL byte in a field", "culture=e%00n" },
        { "more than 1,024 fields", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x")) },
        { "a value over 4 MB", "returnUrl=" + new string('a', 4 * 1024 * 1024 + 10) },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Culture_MalformedBodyWithValidToken_Is400WithAMessageAndNoCookie(string kind, string body)
    {
        // Arrange
        var token = await client.AntiforgeryTokenAsync("/signin");
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body}", Encoding.UTF8, "application/x-www-form-urlencoded");

        // Act
        using var response = await client.PostAsync("/culture", content);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, kind);
        Assert.Contains("无法读取提交的表单", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Culture_MultipartWithoutBoundary_Is400()
    {
        // Arrange
        using var content = new StringContent("culture=en", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        // Act
        using var response = await client.PostAsync("/culture", content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Culture_ReturnUrlWithNonAsciiCharacters_RedirectsWithThemPercentEncoded()
    {
        // Arrange
        var token = await client.AntiforgeryTokenAsync("/signin");

        // Act
        using var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en",
            ["returnUrl"] = "/enterprises?q=企业\u202e",
        }));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/enterprises?q=%E4%BC%81%E4%B8%9A%E2%80%AE", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Culture_ReturnUrlOf60000Characters_RedirectsHome()
    {
        // Arrange
        var token = await client.AntiforgeryTokenAsync("/signin");

        // Act
        using var response = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en",
            ["returnUrl"] = "/appeals?q=" + new string('企', 60_000),
        }));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
