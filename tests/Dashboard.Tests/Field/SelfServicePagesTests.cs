using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Errors;

namespace Dashboard.Tests.Field;

public abstract class SelfServicePagesTests(FieldHost host)
{
    private const string SubmitForm = "appeal-submit";
    private const string RateForm = "appeal-rate";

    [Theory]
    [InlineData(DashboardRoles.Leader)]
    [InlineData(DashboardRoles.Dispatcher)]
    [InlineData(DashboardRoles.Department)]
    [InlineData(DashboardRoles.Steward)]
    [InlineData(DashboardRoles.Town)]
    [InlineData(DashboardRoles.Admin)]
    public async Task MyAppeals_NotAnEnterprise_RedirectedToAccessDenied(string role)
    {
        // Arrange
        using var client = await host.DemoClientAsync(role);

        // Act
        using var response = await client.GetAsync("/my/appeals");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task MyAppeals_EnterpriseAccountWithUnknownScope_Forbidden403()
    {
        // Arrange: an enterprise account whose scope is not an enterprise of the district.
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, "913399009999999999");

        // Act
        var (status, page) = await client.GetPageAsync("/my/appeals");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null(page.QuerySelector($"input[name=_handler][value={SubmitForm}]"));
    }

    [Fact]
    public async Task SubmitAppeal_Valid_AcceptedUnderTheFormsIdAndListed()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);

        // Act
        var (status, page, sent) = await client.SubmitAsync("/my/appeals", SubmitForm, new Dictionary<string, string>
        {
            ["Appeal.Category"] = "finance",
            ["Appeal.Text"] = "申请稳岗补贴迟迟未到账，希望帮助催办。",
            ["Appeal.Latitude"] = "",
            ["Appeal.Longitude"] = "",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var appeal = await host.Grains.GetGrain<IAppealGrain>(sent["Appeal.Id"]).Get();
        Assert.Equal(enterprise.CreditCode, appeal?.EnterpriseCreditCode);
        Assert.Equal(AppealChannel.Online, appeal?.Channel);
        Assert.Contains("已受理", page.Text(".cc-confirmation"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/my/appeals/{sent["Appeal.Id"]}']"));
        Assert.NotEqual(sent["Appeal.Id"], FormPosts.FieldsOf(page, SubmitForm)["Appeal.Id"]);
    }

    [Fact]
    public async Task SubmitAppeal_DoubleSubmit_OneAppealAndSaysAlreadySubmitted()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);
        // The demo enterprise may have appeals from the demo year already.
        var (_, before) = await client.GetPageAsync("/my/appeals");
        var earlier = before.QuerySelectorAll("a[href^='/my/appeals/']").Select(a => a.GetAttribute("href")).ToHashSet();
        var (_, _, sent) = await client.SubmitAsync("/my/appeals", SubmitForm, new Dictionary<string, string> { ["Appeal.Text"] = "厂区门前道路积水严重。" });

        // Act
        var (status, page) = await client.PostFormAsync("/my/appeals", sent);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("没有重复提交", page.Text(".cc-confirmation"), StringComparison.Ordinal);
        var (_, list) = await client.GetPageAsync("/my/appeals");
        var added = list.QuerySelectorAll("a[href^='/my/appeals/']").Select(a => a.GetAttribute("href")).Where(h => !earlier.Contains(h));
        Assert.Equal($"/my/appeals/{sent["Appeal.Id"]}", Assert.Single(added));
    }

    [Theory]
    [InlineData("")]
    [InlineData("oversized")]
    public async Task SubmitAppeal_EmptyOrOversizedText_MessageNextToTextAndNothingCreated(string kind)
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);
        var text = kind == "oversized" ? new string('长', 2001) : "";
        var expected = kind == "oversized"
            ? new DomainException(ErrorCodes.TextTooLong, "field.text", 2000, 2001)
            : new DomainException(ErrorCodes.TextEmpty, "field.title");

        // Act
        var (status, page, sent) = await client.SubmitAsync("/my/appeals", SubmitForm,
            new Dictionary<string, string> { ["Appeal.Category"] = "finance", ["Appeal.Text"] = text });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(await host.Grains.GetGrain<IAppealGrain>(sent["Appeal.Id"]).Get());
        Assert.Equal(expected.MessageIn("zh-CN"), page.Text("#appeal-text-error"));
        Assert.Equal("finance", FormPosts.FieldsOf(page, SubmitForm)["Appeal.Category"]);
        Assert.Equal(sent["Appeal.Id"], FormPosts.FieldsOf(page, SubmitForm)["Appeal.Id"]);
    }

    [Fact]
    public async Task SubmitAppeal_OnlyLatitude_MessageNextToLocationAndTextKept()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);

        // Act
        var (status, page, sent) = await client.SubmitAsync("/my/appeals", SubmitForm,
            new Dictionary<string, string> { ["Appeal.Text"] = "路灯不亮", ["Appeal.Latitude"] = "37.5" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(await host.Grains.GetGrain<IAppealGrain>(sent["Appeal.Id"]).Get());
        Assert.Equal("请同时填写纬度和经度（数字），或都不填。", page.Text("#appeal-location-error"));
        Assert.Equal("路灯不亮", page.QuerySelector("#appeal-text")?.TextContent);
    }

    [Fact]
    public async Task SubmitAppeal_LocationFieldsLeftOutOfThePost_AcceptedWithoutLocation()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);
        var (_, form) = await client.GetPageAsync("/my/appeals");
        var fields = FormPosts.FieldsOf(form, SubmitForm);
        fields["Appeal.Category"] = "finance";
        fields["Appeal.Text"] = "申请稳岗补贴迟迟未到账，希望帮助催办。";
        fields.Remove("Appeal.Latitude");
        fields.Remove("Appeal.Longitude");

        // Act
        var (status, page) = await client.PostFormAsync("/my/appeals", fields);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var appeal = await host.Grains.GetGrain<IAppealGrain>(fields["Appeal.Id"]).Get();
        Assert.Equal(enterprise.CreditCode, appeal?.EnterpriseCreditCode);
        Assert.Null(appeal?.Location);
        Assert.Contains("已受理", page.Text(".cc-confirmation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAppeal_NulCharacterInTheText_Refused400AndNothingStored()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);
        var (_, form) = await client.GetPageAsync("/my/appeals");
        var fields = FormPosts.FieldsOf(form, SubmitForm);
        fields["Appeal.Category"] = "finance";
        fields["Appeal.Text"] = "补贴\0未到账";

        // Act
        var (status, _) = await client.PostFormAsync("/my/appeals", fields);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Null(await host.Grains.GetGrain<IAppealGrain>(fields["Appeal.Id"]).Get());
    }

    [Fact]
    public async Task AppealDetail_AnotherEnterprisesAppeal_Forbidden403AndNotShown()
    {
        // Arrange
        var (owner, _) = await host.TakeEnterpriseAsync(packaged: false);
        var (other, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var ownerClient = await host.ClientAsync(DashboardRoles.Enterprise, owner.CreditCode);
        var (_, _, sent) = await ownerClient.SubmitAsync("/my/appeals", SubmitForm, new Dictionary<string, string> { ["Appeal.Text"] = "机密的诉求内容" });
        using var otherClient = await host.ClientAsync(DashboardRoles.Enterprise, other.CreditCode);

        // Act
        var (status, page) = await otherClient.GetPageAsync($"/my/appeals/{sent["Appeal.Id"]}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("机密的诉求内容", page.Body?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_Dissatisfied_ReopenedAndThePageSaysSo()
    {
        // Arrange
        var (appealId, client) = await RepliedAppealAsync();
        using var _ = client;

        // Act
        var (status, page, _) = await client.SubmitAsync($"/my/appeals/{appealId}", RateForm,
            new Dictionary<string, string> { ["Rating.Value"] = nameof(SatisfactionRating.Dissatisfied), ["Rating.Comment"] = "线路仍然跳闸" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var appeal = await host.Grains.GetGrain<IAppealGrain>(appealId).Get();
        Assert.Equal(SatisfactionRating.Dissatisfied, appeal?.Rating);
        Assert.Equal(AppealStatus.AwaitingVerification, appeal?.Status);
        Assert.Contains("诉求已重新打开", page.Text(".cc-confirmation"), StringComparison.Ordinal);
        Assert.Contains("已重新打开", page.Text("[role=note]"), StringComparison.Ordinal);
        Assert.Contains("您评价为：不满意", page.Text(".cc-story"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#rating-comment"));
    }

    [Fact]
    public async Task Rate_DoubleSubmit_RatedOnceAndSecondRefused()
    {
        // Arrange
        var (appealId, client) = await RepliedAppealAsync();
        using var _ = client;
        var (_, _, sent) = await client.SubmitAsync($"/my/appeals/{appealId}", RateForm,
            new Dictionary<string, string> { ["Rating.Value"] = nameof(SatisfactionRating.Satisfied) });
        sent["Rating.Value"] = nameof(SatisfactionRating.Dissatisfied);

        // Act
        var (status, page) = await client.PostFormAsync($"/my/appeals/{appealId}", sent);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SatisfactionRating.Satisfied, (await host.Grains.GetGrain<IAppealGrain>(appealId).Get())?.Rating);
        Assert.Equal("您已评价过此诉求，每件诉求只能评价一次。", page.Text(".cc-form-alert"));
    }

    [Fact]
    public async Task Rate_StaleForm_RefusedWithMessageCommentKeptAndOtherChangeKept()
    {
        // Arrange: the enterprise opens the rating form, then the centre supervises the appeal.
        var (appealId, client) = await RepliedAppealAsync();
        using var _ = client;
        var (_, detail) = await client.GetPageAsync($"/my/appeals/{appealId}");
        var fields = FormPosts.FieldsOf(detail, RateForm);
        fields["Rating.Value"] = nameof(SatisfactionRating.Dissatisfied);
        fields["Rating.Comment"] = "线路仍然跳闸";
        var grain = host.Grains.GetGrain<IAppealGrain>(appealId);
        await grain.Supervise(new AppealActor("other-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), "请尽快回访");

        // Act
        var (status, page) = await client.PostFormAsync($"/my/appeals/{appealId}", fields);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("此诉求在您打开页面后已有新进展，评价未保存。请查看最新进展后重新评价。", page.Text(".cc-form-alert"));
        Assert.Equal("线路仍然跳闸", page.QuerySelector("#rating-comment")?.TextContent);
        var appeal = await grain.Get();
        Assert.Equal((null, AppealStatus.Replied, 1), (appeal?.Rating, appeal?.Status, appeal?.SupervisionCount));
    }

    [Fact]
    public async Task Rate_NoChoice_MessageNextToTheChoiceAndNothingSaved()
    {
        // Arrange
        var (appealId, client) = await RepliedAppealAsync();
        using var _ = client;

        // Act
        var (status, page, _) = await client.SubmitAsync($"/my/appeals/{appealId}", RateForm, new Dictionary<string, string> { ["Rating.Comment"] = "还行" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null((await host.Grains.GetGrain<IAppealGrain>(appealId).Get())?.Rating);
        Assert.Equal("请选择满意、基本满意或不满意。", page.Text("#rating-error"));
        Assert.Equal("还行", page.QuerySelector("#rating-comment")?.TextContent);
    }

    [Fact]
    public async Task Rate_BeforeAnyReply_NoFormAndAForgedPostIsRefused()
    {
        // Arrange
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);
        var (_, _, sent) = await client.SubmitAsync("/my/appeals", SubmitForm, new Dictionary<string, string> { ["Appeal.Text"] = "招工信息发布渠道" });
        var appealId = sent["Appeal.Id"];
        var (_, detail) = await client.GetPageAsync($"/my/appeals/{appealId}");
        var token = detail.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var eventCount = (await host.Grains.GetGrain<IAppealGrain>(appealId).Get())!.EventCount;

        // Act
        var (status, page) = await client.PostFormAsync($"/my/appeals/{appealId}", new Dictionary<string, string>
        {
            ["_handler"] = RateForm,
            ["__RequestVerificationToken"] = token,
            ["Rating.Value"] = nameof(SatisfactionRating.Satisfied),
            ["Rating.Version"] = eventCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Assert
        Assert.Null(detail.QuerySelector($"input[name=_handler][value={RateForm}]"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null((await host.Grains.GetGrain<IAppealGrain>(appealId).Get())?.Rating);
        Assert.Equal(new DomainException(ErrorCodes.AppealNotReplied).MessageIn("zh-CN"), page.Text(".cc-form-alert"));
    }

    [Fact]
    public async Task Rate_AnotherEnterprise_Forbidden403AndNothingSaved()
    {
        // Arrange
        var (appealId, ownerClient) = await RepliedAppealAsync();
        ownerClient.Dispose();
        var (other, _) = await host.TakeEnterpriseAsync(packaged: false);
        using var otherClient = await host.ClientAsync(DashboardRoles.Enterprise, other.CreditCode);
        var token = await otherClient.AntiforgeryTokenAsync("/my/appeals");

        // Act
        var (status, _) = await otherClient.PostFormAsync($"/my/appeals/{appealId}", new Dictionary<string, string>
        {
            ["_handler"] = RateForm,
            ["__RequestVerificationToken"] = token,
            ["Rating.Value"] = nameof(SatisfactionRating.Dissatisfied),
        });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null((await host.Grains.GetGrain<IAppealGrain>(appealId).Get())?.Rating);
    }

    private async Task<(string AppealId, HttpClient Client)> RepliedAppealAsync()
    {
        var (enterprise, _) = await host.TakeEnterpriseAsync(packaged: false);
        var client = await host.ClientAsync(DashboardRoles.Enterprise, enterprise.CreditCode);
        var (_, _, sent) = await client.SubmitAsync("/my/appeals", SubmitForm, new Dictionary<string, string> { ["Appeal.Text"] = "车间用电经常跳闸，影响生产。" });
        await host.ReplyAsync(sent["Appeal.Id"]);
        return (sent["Appeal.Id"], client);
    }
}

[Collection(FieldCollection.Name)]
public sealed class SelfServicePagesSqliteTests(SqliteFieldHost host) : SelfServicePagesTests(host);

[Collection(PostgresFieldCollection.Name)]
public sealed class SelfServicePagesPostgresTests(PostgresFieldHost host) : SelfServicePagesTests(host);
