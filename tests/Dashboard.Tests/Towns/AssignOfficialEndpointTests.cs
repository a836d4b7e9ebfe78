using System.Net;
using AngleSharp.Html.Parser;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Officials;

namespace Dashboard.Tests.Towns;

/// <summary>The "assign an official" form (POST /towns/{code}/assignments): allowed, stale, double submit, invalid
/// input and forbidden. Each test works in a town of its own, so no test sees another's assignments.</summary>
public abstract class AssignOfficialEndpointTests(TownDistrict district)
{
    [Fact]
    public async Task Assign_TownOperatorWithSuggestedOfficial_PackagesTheEnterpriseAndSaysWhatChanged()
    {
        // Arrange
        var town = district.Towns[3].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var official = (await district.SuggestionsAsync(enterprise.CreditCode))[0];
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");

        // Act
        using var response = await PostAsync(client, town, token, enterprise.CreditCode, official);
        using var page = await client.GetAsync(response.Headers.Location);

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("r=Assigned", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal([official], await district.OfficialsOfAsync(enterprise.CreditCode));
        Assert.DoesNotContain(await district.UnpackagedAsync(town), e => e.CreditCode == enterprise.CreditCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var status = document.QuerySelector("#town-outcome [role=status]")?.TextContent ?? "";
        Assert.Contains($"已为「{enterprise.Name}」指派包联干部", status, StringComparison.Ordinal);
        Assert.Contains("包联覆盖率现为", status, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector($"[data-enterprise='{enterprise.CreditCode}']"));
    }

    [Fact]
    public async Task Assign_EnterprisePackagedMeanwhile_IsRefusedAsStaleAndKeepsTheOtherAssignment()
    {
        // Arrange: the form is shown, then someone else packages the enterprise.
        var town = district.Towns[4].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var suggestions = await district.SuggestionsAsync(enterprise.CreditCode);
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");
        await district.Grains.GetGrain<IOfficialGrain>(suggestions[1]).Assign(enterprise.CreditCode);

        // Act
        using var response = await PostAsync(client, town, token, enterprise.CreditCode, suggestions[0]);
        using var page = await client.GetAsync(response.Headers.Location);

        // Assert
        Assert.Contains("r=Stale", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal([suggestions[1]], await district.OfficialsOfAsync(enterprise.CreditCode));
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var alert = document.QuerySelector("#town-outcome [role=alert]")?.TextContent ?? "";
        Assert.Contains($"未指派：您打开页面后，「{enterprise.Name}」已由", alert, StringComparison.Ordinal);
        Assert.Contains("他人的指派未被覆盖", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_SubmittedTwice_AssignsOnceAndSaysTheSecondChangedNothing()
    {
        // Arrange
        var town = district.Towns[5].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var official = (await district.SuggestionsAsync(enterprise.CreditCode))[0];
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");
        var load = (await district.Grains.GetGrain<IOfficialGrain>(official).GetEnterprises()).Length;

        // Act
        using var first = await PostAsync(client, town, token, enterprise.CreditCode, official);
        using var second = await PostAsync(client, town, token, enterprise.CreditCode, official);
        using var page = await client.GetAsync(second.Headers.Location);

        // Assert
        Assert.Contains("r=Assigned", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("r=AlreadyAssigned", second.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal([official], await district.OfficialsOfAsync(enterprise.CreditCode));
        Assert.Equal(load + 1, (await district.Grains.GetGrain<IOfficialGrain>(official).GetEnterprises()).Length);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Contains("本次为重复提交，未作任何更改", document.QuerySelector("#town-outcome")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_NoOfficialChosen_ShowsTheMessageNextToTheFieldAndChangesNothing()
    {
        // Arrange
        var town = district.Towns[6].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");

        // Act
        using var response = await PostAsync(client, town, token, enterprise.CreditCode, "");
        using var page = await client.GetAsync(response.Headers.Location);

        // Assert
        Assert.Contains("r=NoOfficialChosen", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await district.OfficialsOfAsync(enterprise.CreditCode));
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var field = document.QuerySelector($"#official-{enterprise.CreditCode}");
        Assert.NotNull(field);
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("请选择一名包联干部。", document.QuerySelector($"#official-error-{enterprise.CreditCode}")?.TextContent.Trim());
        Assert.Equal("", document.QuerySelector("#town-outcome")?.TextContent.Trim());
    }

    [Fact]
    public async Task Assign_DistrictLeaderChosen_IsRefusedNextToTheFieldKeepingTheChoice()
    {
        // Arrange: a hand-made form names a district leader, whom the suggestions never offer.
        var town = district.Towns[7].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var leader = await district.DistrictLeaderAsync();
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");

        // Act
        using var response = await PostAsync(client, town, token, enterprise.CreditCode, leader);

        // Assert
        Assert.Contains("r=LeaderNotAssignable", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await district.OfficialsOfAsync(enterprise.CreditCode));
    }

    [Fact]
    public async Task Assign_EnterpriseOfAnotherTown_IsRefusedAndChangesNothing()
    {
        // Arrange: the operator of one town posts an enterprise of another town to their own town's form.
        var town = district.Towns[8].Code;
        var foreign = (await district.UnpackagedAsync(district.Towns[9].Code))[0];
        var official = (await district.SuggestionsAsync(foreign.CreditCode))[0];
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");

        // Act
        using var response = await PostAsync(client, town, token, foreign.CreditCode, official);
        using var page = await client.GetAsync(response.Headers.Location);

        // Assert
        Assert.Contains("r=EnterpriseNotInTown", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await district.OfficialsOfAsync(foreign.CreditCode));
        var text = await page.Content.ReadAsStringAsync();
        Assert.Contains("该企业不在本镇街网格内", text, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Name, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Enterprise)]
    [InlineData(DashboardRoles.Steward)]
    [InlineData(DashboardRoles.Department)]
    [InlineData("other-town")]
    public async Task Assign_UserWhoMayNotAssignInTheTown_Returns403AndChangesNothing(string who)
    {
        // Arrange
        var town = district.Towns[10].Code;
        using var client = who == "other-town"
            ? await district.SignedInClientAsync(DashboardRoles.Town, district.Towns[0].Code)
            : await district.SignedInClientAsync(who);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var official = (await district.SuggestionsAsync(enterprise.CreditCode))[0];
        var token = await client.AntiforgeryTokenAsync("/account/password");

        // Act
        using var response = await PostAsync(client, town, token, enterprise.CreditCode, official, accept: "application/json");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await district.OfficialsOfAsync(enterprise.CreditCode));
    }

    [Theory]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Admin)]
    public async Task Assign_ServiceCentreRole_MayAssignInAnyTown(string role)
    {
        // Arrange
        var town = district.Towns[role == DashboardRoles.Admin ? 1 : 2].Code;
        using var client = await district.SignedInClientAsync(role);
        var enterprise = (await district.UnpackagedAsync(town))[^1];
        var official = (await district.SuggestionsAsync(enterprise.CreditCode))[0];
        var token = await client.AntiforgeryTokenAsync($"/towns/{town}");

        // Act
        using var response = await PostAsync(client, town, token, enterprise.CreditCode, official);

        // Assert
        Assert.Contains("r=Assigned", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal([official], await district.OfficialsOfAsync(enterprise.CreditCode));
    }

    [Fact]
    public async Task Assign_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        // Arrange
        var town = district.Towns[0].Code;
        using var client = await district.SignedInClientAsync(DashboardRoles.Town, town);
        var enterprise = (await district.UnpackagedAsync(town))[0];
        var official = (await district.SuggestionsAsync(enterprise.CreditCode))[0];

        // Act
        using var response = await PostAsync(client, town, token: null, enterprise.CreditCode, official);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await district.OfficialsOfAsync(enterprise.CreditCode));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string town, string? token, string creditCode, string official, string accept = "text/html")
    {
        var fields = new Dictionary<string, string> { ["enterprise"] = creditCode, ["official"] = official, ["shown"] = "0", ["ep"] = "1" };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/towns/{town}/assignments") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd(accept);
        return client.SendAsync(request);
    }
}

[Collection(SqliteTownCollection.Name)]
public sealed class AssignOfficialEndpointSqliteTests(SqliteTownDistrict district) : AssignOfficialEndpointTests(district);

[Collection(PostgresTownCollection.Name)]
public sealed class AssignOfficialEndpointPostgresTests(PostgresTownDistrict district) : AssignOfficialEndpointTests(district);
