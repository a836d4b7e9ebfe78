using System.Net;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Grains.Abstractions.Sla;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Appeals;

public abstract class AppealWorkbenchEndpointTests(AppealsFixture fixture)
{
    [Theory]
    [InlineData(DashboardRoles.Dispatcher, HttpStatusCode.OK)]
    [InlineData(DashboardRoles.Leader, HttpStatusCode.OK)]
    [InlineData(DashboardRoles.Admin, HttpStatusCode.OK)]
    [InlineData(AppealsFixture.FinanceHandler, HttpStatusCode.OK)]
    [InlineData(DashboardRoles.Town, HttpStatusCode.Redirect)]
    [InlineData(DashboardRoles.Steward, HttpStatusCode.Redirect)]
    [InlineData(DashboardRoles.Enterprise, HttpStatusCode.Redirect)]
    public async Task AppealList_Role_AllowedOrSentToAccessDenied(string user, HttpStatusCode expected)
    {
        // Arrange
        using var client = await fixture.ClientAsync(user);

        // Act
        using var response = await client.GetAsync("/appeals");

        // Assert
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
        }
    }

    [Fact]
    public async Task AppealList_Anonymous_RedirectsToSignIn()
    {
        // Act
        using var response = await fixture.Anonymous().GetAsync("/appeals");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AppealList_DepartmentHandler_SeesOnlyOwnDepartmentEvenWhenTheLinkAsksForAnother()
    {
        // Arrange
        var own = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        var other = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Commerce, category: "opening");
        using var client = await fixture.ClientAsync(AppealsFixture.FinanceHandler);

        // Act
        var page = await client.PageAsync($"/appeals?department={DepartmentCodes.Commerce}&q=测试诉求");

        // Assert
        var ids = page.QuerySelectorAll("tr[data-appeal]").Select(r => r.GetAttribute("data-appeal")).ToList();
        Assert.Contains(own.Id, ids);
        Assert.DoesNotContain(other.Id, ids);
    }

    [Fact]
    public async Task AppealList_TextAndChannelFilters_NarrowTheQueue()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var byText = await client.PageAsync($"/appeals?q={appeal.Title}");
        var byOtherChannel = await client.PageAsync($"/appeals?q={appeal.Title}&channel=RemoteVideo");

        // Assert
        Assert.Equal(appeal.Id, Assert.Single(byText.QuerySelectorAll("tr[data-appeal]")).GetAttribute("data-appeal"));
        Assert.Empty(byOtherChannel.QuerySelectorAll("tr[data-appeal]"));
    }

    [Fact]
    public async Task AppealDetail_OtherDepartmentsHandler_Returns403()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        using var client = await fixture.ClientAsync(AppealsFixture.CommerceHandler);

        // Act
        using var response = await client.GetAsync($"/appeals/{appeal.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(appeal.Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealDetail_UnknownId_Returns404()
    {
        // Arrange
        using var client = await fixture.ClientAsync(DashboardRoles.Leader);
        var id = Guid.NewGuid().ToString("N");
        var grains = fixture.Factory.Services.GetRequiredService<IGrainFactory>();

        // Act
        using var page = await client.GetAsync($"/appeals/{id}");
        using var sheet = await client.GetAsync($"/appeals/{id}/sheets/feedback");

        // Assert: answered from the read model; the silo never activated a grain for the made-up id.
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sheet.StatusCode);
        var reference = (Orleans.Runtime.GrainReference)grains.GetGrain<IAppealGrain>(id);
        Assert.Null(await grains.GetGrain<Orleans.Runtime.IManagementGrain>(0).GetActivationAddress(reference));
    }

    [Fact]
    public async Task AppealDetail_Leader_SeesChainResultAndNoActionForms()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Leader);

        // Act
        var page = await client.PageAsync($"/appeals/{appeal.Id}");

        // Assert
        Assert.Contains("通过", page.QuerySelector("[data-field=chain]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form.cc-action"));
    }

    [Fact]
    public async Task Route_Dispatcher_RoutesAndSaysWhatChanged()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var url = $"/appeals/{appeal.Id}";

        // Act
        using var response = await client.SubmitAsync(url, "route", ("Department", DepartmentCodes.Finance));
        var after = await client.PageAsync(response.Headers.Location!.PathAndQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DepartmentCodes.Finance, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())?.DepartmentCode);
        Assert.Contains("已分流至", after.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_PostedTwice_ActsOnceAndSaysSo()
    {
        // Arrange: the same form (same version) posted twice, as a double click does.
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var url = $"/appeals/{appeal.Id}";
        var hidden = FormPost.HiddenFields(await client.PageAsync(url), "route");

        // Act
        using var first = await client.SubmitAsync(url, hidden, ("Department", DepartmentCodes.Finance));
        using var second = await client.SubmitAsync(url, hidden, ("Department", DepartmentCodes.Finance));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("done=repeated", second.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var history = await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).GetHistory();
        Assert.Single(history, e => e.Kind == AppealEventKind.Routed);
    }

    [Fact]
    public async Task Supervise_StaleForm_RefusedWithMessageAndOtherChangeKept()
    {
        // Arrange: the form is opened, then someone else routes the appeal.
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var url = $"/appeals/{appeal.Id}";
        var hidden = FormPost.HiddenFields(await client.PageAsync(url), "supervise");
        await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Route(new AppealActor("other-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), DepartmentCodes.Commerce);

        // Act
        using var response = await client.SubmitAsync(url, hidden, ("Note", "请加快办理"));
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已被他人更新", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("请加快办理", page.QuerySelector("textarea[name=Note]")?.TextContent);
        var now = await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get();
        Assert.Equal(0, now?.SupervisionCount);
        Assert.Equal(DepartmentCodes.Commerce, now?.DepartmentCode);
    }

    [Fact]
    public async Task Reply_StaleForm_RefusedWithMessageTypedTextKeptAndOtherChangeKept()
    {
        // Arrange: the handler opens the reply form, then the centre supervises the appeal.
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        var grain = fixture.Grains.GetGrain<IAppealGrain>(appeal.Id);
        await grain.TakeOver(new AppealActor("other-handler", ActorRole.DepartmentHandler, DepartmentCodes.Finance, ActionChannel.Workbench));
        using var client = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var url = $"/appeals/{appeal.Id}";
        var hidden = FormPost.HiddenFields(await client.PageAsync(url), "reply");
        await grain.Supervise(new AppealActor("other-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), "请本周内反馈");

        // Act
        using var response = await client.SubmitFilesAsync(url, hidden, [("Text", "已协调银行续贷"), ("EvidenceNote", "盖章页")], EvidenceSample.Pdf("续贷合同.pdf"));
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已被他人更新", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("已协调银行续贷", page.QuerySelector("#reply-text")?.TextContent);
        Assert.Equal("盖章页", page.QuerySelector("#reply-evidence-note")?.GetAttribute("value"));
        Assert.Empty(await fixture.StoredEvidenceAsync(appeal.Id));
        var history = await grain.GetHistory();
        Assert.DoesNotContain(history, e => e.Kind == AppealEventKind.Replied);
        Assert.Equal((AppealStatus.InProgress, 1), ((await grain.Get())?.Status, (await grain.Get())?.SupervisionCount));
    }

    [Fact]
    public async Task LinkDuplicate_StaleForm_RefusedAndNothingLinked()
    {
        // Arrange: the dispatcher opens the page, then someone else routes the appeal.
        var appeal = await fixture.NewAppealAsync();
        var other = await fixture.NewAppealAsync();
        var grain = fixture.Grains.GetGrain<IAppealGrain>(appeal.Id);
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var url = $"/appeals/{appeal.Id}";
        var hidden = FormPost.HiddenFields(await client.PageAsync(url), "link");
        await grain.Route(new AppealActor("other-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), DepartmentCodes.Commerce);

        // Act
        using var response = await client.SubmitAsync(url, hidden, ("Other", other.Id));
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已被他人更新", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        var now = await grain.Get();
        Assert.Empty(now?.LinkedAppeals ?? [other.Id]);
        Assert.Equal(DepartmentCodes.Commerce, now?.DepartmentCode);
    }

    [Fact]
    public async Task Route_DepartmentHandlerPostsTheDispatchersForm_Returns403AndNothingChanges()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        using var client = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var url = $"/appeals/{appeal.Id}";
        var hidden = FormPost.HiddenFields(await client.PageAsync(url), "takeover");
        hidden.RemoveAll(h => h.Key == "_handler");
        hidden.Add(new("_handler", "close"));

        // Act
        using var response = await client.SubmitAsync(url, hidden);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AppealStatus.Routed, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())?.Status);
    }

    [Fact]
    public async Task TakeOverAndReply_OwnDepartment_MovesThroughTheLoop()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        using var client = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var url = $"/appeals/{appeal.Id}";

        // Act
        using var takeOver = await client.SubmitAsync(url, "takeover");
        using var reply = await client.SubmitFilesAsync(url, "reply", [("Text", "已协调银行加快审批。"), ("EvidenceNote", "银行出具的审批单")], EvidenceSample.Pdf());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, takeOver.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var now = await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get();
        Assert.Equal(AppealStatus.Replied, now?.Status);
        Assert.Equal("审批单.pdf", Assert.Single(now!.LastEvidence).Name);
        Assert.Equal("银行出具的审批单", Assert.Single(await fixture.StoredEvidenceAsync(appeal.Id)).Description);
    }

    [Fact]
    public async Task Reply_WithoutEvidence_ShowsMessageAndKeepsTheText()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        using var client = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var url = $"/appeals/{appeal.Id}";
        using var _ = await client.SubmitAsync(url, "takeover");

        // Act
        using var response = await client.SubmitFilesAsync(url, "reply", [("Text", "已处理")]);
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("form[aria-label=反馈]");
        Assert.Contains("佐证材料", form?.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("已处理", form?.QuerySelector("textarea[name=Text]")?.TextContent);
        Assert.Equal(AppealStatus.InProgress, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())?.Status);
    }

    [Fact]
    public async Task Escalate_EmptyReason_ShowsTheDomainMessage()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        using var response = await client.SubmitAsync($"/appeals/{appeal.Id}", "escalate", ("Level", "DistrictServiceCentre"), ("Reason", ""));
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("原因不能为空", page.QuerySelector("form[aria-label=升级] [role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_Valid_AcceptsAndPostedTwiceCreatesOneAppeal()
    {
        // Arrange
        var enterprise = await fixture.AnyEnterpriseAsync(1);
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await client.PageAsync("/appeals/new"), "intake");
        var id = hidden.Single(h => h.Key == "AppealId").Value;
        (string, string)[] fields =
        [
            ("Channel", nameof(AppealChannel.ServiceWindow)), ("EnterpriseQuery", enterprise.CreditCode), ("Category", "policy"),
            ("Priority", "Urgent"), ("Title", ""), ("Text", $"窗口受理：申请惠企政策兑现 {id}"), ("Latitude", ""), ("Longitude", ""),
        ];

        // Act
        using var first = await client.SubmitAsync("/appeals/new", hidden, fields);
        using var second = await client.SubmitAsync("/appeals/new", hidden, fields);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("已受理", (await first.HtmlAsync()).QuerySelector("#receipt-heading")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal($"/appeals/{id}?done=resubmitted", second.Headers.Location?.PathAndQuery);
        var matches = await fixture.Factory.Services.GetRequiredService<AppealWorkbenchQueries>()
            .ListAsync(new AppealListQuery(), null, id);
        Assert.Equal(1, matches.Total);
    }

    [Fact]
    public async Task Intake_InvalidInput_ShowsMessagesNextToFieldsAndKeepsWhatWasTyped()
    {
        // Arrange
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await client.PageAsync("/appeals/new"), "intake");

        // Act
        using var response = await client.SubmitAsync("/appeals/new", hidden,
            ("Channel", "Online"), ("EnterpriseQuery", "不存在的企业名称XYZ"), ("Category", "finance"), ("Priority", "Normal"),
            ("Title", "融资"), ("Text", " "), ("Latitude", "95"), ("Longitude", "121.1"));
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#enterprise-error"));
        Assert.NotNull(page.QuerySelector("#text-error"));
        Assert.NotNull(page.QuerySelector("#location-error"));
        Assert.Equal("不存在的企业名称XYZ", page.QuerySelector("#enterprise")?.GetAttribute("value"));
        Assert.Equal("融资", page.QuerySelector("#title")?.GetAttribute("value"));
        Assert.Equal("95", page.QuerySelector("#lat")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Intake_TextTooLong_ShowsTheDomainMessageAtTheText()
    {
        // Arrange
        var enterprise = await fixture.AnyEnterpriseAsync(2);
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await client.PageAsync("/appeals/new"), "intake");

        // Act
        using var response = await client.SubmitAsync("/appeals/new", hidden,
            ("Channel", "Online"), ("EnterpriseQuery", enterprise.CreditCode), ("Category", "finance"), ("Priority", "Normal"),
            ("Text", new string('长', 2001)));

        // Assert
        Assert.Contains("不能超过2000个字符", (await response.HtmlAsync()).QuerySelector("#text-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_EnterpriseSearchOf60000Characters_MessageAtTheEnterpriseAndNothingStored()
    {
        // Arrange
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await client.PageAsync("/appeals/new"), "intake");
        var id = hidden.Single(h => h.Key == "AppealId").Value;

        // Act
        using var response = await client.SubmitAsync("/appeals/new", hidden,
            ("Channel", "Online"), ("EnterpriseQuery", new string('%', 60_000)), ("Category", "finance"), ("Priority", "Normal"), ("Text", "融资需求"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("最多 100 个字符", (await response.HtmlAsync()).QuerySelector("#enterprise-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(await fixture.Grains.GetGrain<IAppealGrain>(id).Get());
    }

    [Fact]
    public async Task FormTaskForce_LeaderLeftOutOfThePost_MessageAtTheFormAndNothingChanged()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await client.PageAsync($"/appeals/{appeal.Id}"), "route")
            .Select(h => h.Key == "_handler" ? new KeyValuePair<string, string>(h.Key, "formtaskforce") : h).ToList();

        // Act
        using var response = await client.SubmitAsync($"/appeals/{appeal.Id}", hidden, ("Departments", "finance"));
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择牵头区领导", page.QuerySelector("form[aria-label=成立专班] [role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(appeal.EventCount, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())!.EventCount);
    }

    [Theory]
    [InlineData(AppealsFixture.FinanceHandler)]
    [InlineData(DashboardRoles.Leader)]
    public async Task Intake_NotDispatcher_IsRefused(string user)
    {
        // Arrange
        using var client = await fixture.ClientAsync(user);

        // Act
        using var response = await client.GetAsync("/appeals/new");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task EnterpriseSearch_ByCreditCodePrefix_ReturnsTheEnterprise()
    {
        // Arrange
        var enterprise = await fixture.AnyEnterpriseAsync(3);
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var html = await client.GetStringAsync($"/appeals/enterprises?EnterpriseQuery={enterprise.CreditCode[..14]}");

        // Assert
        Assert.Contains(enterprise.Name, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{enterprise.CreditCode}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppealList_LightStatusTownAndDepartmentFilters_KeepTheAppealOnlyWhenEachMatches()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        var row = Assert.Single((await fixture.Factory.Services.GetRequiredService<AppealWorkbenchQueries>()
            .ListAsync(new AppealListQuery(), null, appeal.Id)).Items);
        var light = Assert.NotNull(row.Light);
        var otherLight = light == SlaLight.Red ? SlaLight.Green : SlaLight.Red;
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        async Task<bool> Listed(string filters) =>
            (await client.PageAsync($"/appeals?q={appeal.Id}&{filters}")).QuerySelectorAll("tr[data-appeal]").Any(r => r.GetAttribute("data-appeal") == appeal.Id);
        var matching = await Listed($"light={light}&status={row.Status}&town={row.TownCode}&department={DepartmentCodes.Finance}");

        // Assert
        Assert.True(matching);
        Assert.False(await Listed($"light={otherLight}"));
        Assert.False(await Listed($"status={nameof(AppealStatus.Closed)}"));
        Assert.False(await Listed("town=no-such-town"));
        Assert.False(await Listed($"department={DepartmentCodes.Commerce}"));
    }

    [Fact]
    public async Task AppealList_TextInAnotherCase_MatchesIdEnterpriseNameAndCreditCode()
    {
        // Arrange: SQLite's LIKE ignores ASCII case, PostgreSQL's does not; the queue must ignore it on both.
        var enterprise = await fixture.NewEnterpriseAsync("Case Test 商贸有限公司");
        var appeal = await fixture.NewAppealAsync(enterprise: enterprise);
        var queries = fixture.Factory.Services.GetRequiredService<AppealWorkbenchQueries>();

        // Act
        var byId = await queries.ListAsync(new AppealListQuery(), null, appeal.Id.ToUpperInvariant());
        var byName = await queries.ListAsync(new AppealListQuery(), null, "CASE test 商贸");
        var byCode = await queries.ListAsync(new AppealListQuery(), null, enterprise.CreditCode.ToLowerInvariant());

        // Assert
        Assert.Equal(appeal.Id, Assert.Single(byId.Items).Id);
        Assert.Equal(appeal.Id, Assert.Single(byName.Items).Id);
        Assert.Equal(appeal.Id, Assert.Single(byCode.Items).Id);
    }

    [Fact]
    public async Task AppealList_TextWithLikeWildcards_MatchesThemLiterally()
    {
        // Arrange: '_' and '%' are wildcards to LIKE; typed by a user they must match only themselves.
        var appeal = await fixture.NewAppealAsync();
        var queries = fixture.Factory.Services.GetRequiredService<AppealWorkbenchQueries>();

        // Act
        var wildcard = await queries.ListAsync(new AppealListQuery(), null, appeal.Id[..4] + "_" + appeal.Id[5..]);
        var percent = await queries.ListAsync(new AppealListQuery(), null, appeal.Id[..4] + "%");
        var backslash = await queries.ListAsync(new AppealListQuery(), null, appeal.Id + "\\");

        // Assert
        Assert.Equal(0, wildcard.Total);
        Assert.Equal(0, percent.Total);
        Assert.Equal(0, backslash.Total);
    }

    [Fact]
    public async Task AppealList_Paging_PagesDoNotOverlapAndCoverEveryMatch()
    {
        // Arrange: three appeals of one enterprise, found by its credit code.
        var enterprise = await fixture.NewEnterpriseAsync("Paging Test 精密机械有限公司");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await fixture.NewAppealAsync(enterprise: enterprise)).Id);
        }

        var queries = fixture.Factory.Services.GetRequiredService<AppealWorkbenchQueries>();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var first = await queries.ListAsync(new AppealListQuery { Limit = 2 }, null, enterprise.CreditCode);
        var second = await queries.ListAsync(new AppealListQuery { Offset = 2, Limit = 2 }, null, enterprise.CreditCode);
        var page2 = await client.PageAsync($"/appeals?q={enterprise.CreditCode}&page=2");

        // Assert
        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Equal(ids, first.Items.Concat(second.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal));
        Assert.Empty(page2.QuerySelectorAll("tr[data-appeal]"));
    }

    [Fact]
    public async Task EnterpriseSearch_NameInAnotherCaseOrLowerCaseCode_FindsTheEnterprise()
    {
        // Arrange
        var enterprise = await fixture.NewEnterpriseAsync("Weihai ACME 精密机械有限公司");
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var byName = await client.GetStringAsync("/appeals/enterprises?EnterpriseQuery=acme");
        var byCode = await client.GetStringAsync($"/appeals/enterprises?EnterpriseQuery={enterprise.CreditCode[..12].ToLowerInvariant()}");

        // Assert
        Assert.Contains($"value=\"{enterprise.CreditCode}\"", byName, StringComparison.Ordinal);
        Assert.Contains($"value=\"{enterprise.CreditCode}\"", byCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterpriseSearch_NameWithPercent_MatchesItLiterally()
    {
        // Arrange
        var enterprise = await fixture.NewEnterpriseAsync("百分百100%诚信贸易有限公司");
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var literal = await client.GetStringAsync($"/appeals/enterprises?EnterpriseQuery={Uri.EscapeDataString("0%诚信")}");
        var wildcard = await client.GetStringAsync($"/appeals/enterprises?EnterpriseQuery={Uri.EscapeDataString("百分百%贸易")}");

        // Assert
        Assert.Contains($"value=\"{enterprise.CreditCode}\"", literal, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{enterprise.CreditCode}\"", wildcard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_SameEnterpriseAndCategory_ReceiptSuggestsTheEarlierAppealAsDuplicate()
    {
        // Arrange
        var enterprise = await fixture.NewEnterpriseAsync("重复诉求测试有限公司");
        var earlier = await fixture.NewAppealAsync(category: "policy", enterprise: enterprise);
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await client.PageAsync("/appeals/new"), "intake");

        // Act
        using var response = await client.SubmitAsync("/appeals/new", hidden,
            ("Channel", nameof(AppealChannel.ServiceWindow)), ("EnterpriseQuery", enterprise.CreditCode), ("Category", "policy"),
            ("Priority", "Normal"), ("Title", ""), ("Text", "窗口受理：再次反映惠企政策兑现进度。"), ("Latitude", ""), ("Longitude", ""));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(earlier.Id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("problem", "问题明白单")]
    [InlineData("assignment", "任务交办单")]
    [InlineData("responsibility", "责任划分单")]
    [InlineData("feedback", "反馈销号单")]
    public async Task Sheet_AnyKind_RendersDistrictFactsAndSignatureLines(string kind, string title)
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance);
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        var page = await client.PageAsync($"/appeals/{appeal.Id}/sheets/{kind}");

        // Assert
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent);
        Assert.Contains("演示数据", page.QuerySelector(".cc-sheet-district")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(appeal.Title, page.QuerySelector(".cc-sheet-facts")?.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelectorAll(".cc-signature").Length >= 2);
    }

    [Fact]
    public async Task Sheet_UnknownKind_Returns404()
    {
        // Arrange
        var appeal = await fixture.NewAppealAsync();
        using var client = await fixture.ClientAsync(DashboardRoles.Dispatcher);

        // Act
        using var response = await client.GetAsync($"/appeals/{appeal.Id}/sheets/other");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(SqliteAppealsCollection.Name)]
public sealed class AppealWorkbenchEndpointSqliteTests(SqliteAppealsFixture fixture) : AppealWorkbenchEndpointTests(fixture);

[Collection(PostgresAppealsCollection.Name)]
public sealed class AppealWorkbenchEndpointPostgresTests(PostgresAppealsFixture fixture) : AppealWorkbenchEndpointTests(fixture);
