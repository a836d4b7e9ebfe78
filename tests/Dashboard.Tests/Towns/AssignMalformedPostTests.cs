using System.Net;
using System.Text;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Towns;

/// <summary>The "assign an official" post with a body its form never sends: 400 with a sentence, and nothing assigned.</summary>
public abstract class AssignMalformedPostTests(TownDistrict district)
{
    [Theory]
    [InlineData("enterprise=A%00B&official=x")]
    [InlineData("many")]
    public async Task Assign_MalformedBodyWithValidToken_Is400AndNothingAssigned(string body)
    {
        // Arrange
        var town = district.Towns[5].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");
        var fields = body == "many"
            ? $"enterprise={enterprise.CreditCode}&official=x&" + string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x"))
            : body;
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{fields}", Encoding.UTF8, "application/x-www-form-urlencoded");

        // Act
        using var response = await client.PostAsync($"/towns/{town}/assignments", content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取提交的表单", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await district.OfficialsOfAsync(enterprise.CreditCode));
    }
}

[Collection(SqliteTownCollection.Name)]
public sealed class AssignMalformedPostSqliteTests(SqliteTownDistrict district) : AssignMalformedPostTests(district);

[Collection(PostgresTownCollection.Name)]
public sealed class AssignMalformedPostPostgresTests(PostgresTownDistrict district) : AssignMalformedPostTests(district);
