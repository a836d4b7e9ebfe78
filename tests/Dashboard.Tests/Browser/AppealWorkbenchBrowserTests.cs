using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;
using Storage;

namespace Dashboard.Tests.Browser;

/// <summary>One subclass per database engine, so that the two flows run in parallel rather than one after the other.</summary>
public abstract class AppealWorkbenchBrowserTests(DatabaseProvider provider)
{
    private const string HandlerPassword = "browser-test-2026";

    [Fact]
    public async Task AppealFlow_DispatcherIntakeAndRoute_DepartmentTakesOverAndReplies()
    {
        // Arrange: the app with the demo district on Kestrel, a finance handler, one browser with a context per person.
        await using var factory = DashboardFactory.WithKestrel(withDemoDistrict: true, provider);
        string Shot(string name) => BrowserSession.ScreenshotPath(provider == DatabaseProvider.Sqlite ? name : name.Replace(".", "-postgres.", StringComparison.Ordinal));
        var baseAddress = factory.StartKestrel();
        await factory.Services.GetRequiredService<UserStore>().CreateAsync(
            "finance-handler", "金融经办人（测试）", DashboardRoles.Department, DepartmentCodes.Finance, isDemo: false, HandlerPassword, CancellationToken.None);
        var enterprise = (await factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { Limit = 1 })).Items[0];
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var dispatcherContext = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        await using var handlerContext = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var dispatcher = await SignInAsync(dispatcherContext, "/appeals", DashboardRoles.Dispatcher, DemoAccounts.Password);

        // Act 1: the dispatcher opens the queue and takes in an appeal, finding the enterprise by name.
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Heading, new() { Name = "诉求工作台" })).ToBeVisibleAsync();
        await dispatcher.ScreenshotAsync(new() { Path = Shot("appeals-list-desktop.png"), FullPage = false });
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "受理新诉求" }).ClickAsync();
        await dispatcher.GetByLabel("渠道").SelectOptionAsync(nameof(AppealChannel.OfficialVisit));
        await dispatcher.GetByLabel("企业（名称或统一社会信用代码）").FillAsync(enterprise.Name);
        await dispatcher.GetByRole(AriaRole.Radio, new() { Name = enterprise.Name }).CheckAsync();
        await dispatcher.GetByLabel("领域").SelectOptionAsync("finance");
        await dispatcher.GetByLabel("诉求内容", new() { Exact = true }).FillAsync("走访中企业反映：流动资金贷款续贷审批超过一个月，影响原材料采购。");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交受理" }).ClickAsync();
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Heading, new() { Name = "已受理" })).ToBeVisibleAsync();
        await dispatcher.GetByRole(AriaRole.Link, new() { Name = "查看诉求" }).ClickAsync();
        var appealUrl = dispatcher.Url;
        var appealId = appealUrl[(appealUrl.LastIndexOf('/') + 1)..];

        // Act 2: route it to the finance centre.
        var route = dispatcher.GetByRole(AriaRole.Form, new() { Name = "分流" });
        await route.GetByLabel("承办部门").SelectOptionAsync(DepartmentCodes.Finance);
        await route.GetByRole(AriaRole.Button, new() { Name = "确认分流" }).ClickAsync();
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Status).Filter(new() { HasText = "已分流至" })).ToBeVisibleAsync();

        // Act 3: the handler, on a phone, takes it over and replies with evidence.
        var handler = await SignInAsync(handlerContext, $"/appeals/{appealId}", "finance-handler", HandlerPassword);
        await handler.GetByRole(AriaRole.Button, new() { Name = "签收办理" }).ClickAsync();
        await Assertions.Expect(handler.GetByRole(AriaRole.Status).Filter(new() { HasText = "已签收" })).ToBeVisibleAsync();
        var reply = handler.GetByRole(AriaRole.Form, new() { Name = "反馈" });
        await reply.GetByLabel("反馈内容").FillAsync("已协调合作银行开通绿色通道，续贷已于本周审批通过。");
        await reply.GetByLabel("佐证材料（上传文件）").SetInputFilesAsync(
        [
            new FilePayload { Name = "续贷审批通知书.pdf", MimeType = "application/pdf", Buffer = Appeals.EvidenceSample.Pdf().Content },
            new FilePayload { Name = "企业确认函.png", MimeType = "image/png", Buffer = Appeals.EvidenceSample.Png().Content },
        ]);
        await reply.GetByLabel("材料说明（可选）").FillAsync("银行出具的审批通知与企业确认");
        await reply.GetByRole(AriaRole.Button, new() { Name = "提交反馈" }).ClickAsync();
        await Assertions.Expect(handler.GetByRole(AriaRole.Status).Filter(new() { HasText = "已反馈" })).ToBeVisibleAsync();
        await handler.ScreenshotAsync(new() { Path = Shot("appeal-detail-phone.png"), FullPage = true });
        await handler.GotoAsync("/appeals");
        await Assertions.Expect(handler.Locator($"tr[data-appeal='{appealId}']")).ToBeVisibleAsync();
        await handler.ScreenshotAsync(new() { Path = Shot("appeals-list-phone.png"), FullPage = false });

        // Assert: the dispatcher sees the whole history, intact, and prints the feedback sheet.
        await dispatcher.ReloadAsync();
        await Assertions.Expect(dispatcher.Locator("[data-field=status]")).ToHaveTextAsync("已反馈");
        await Assertions.Expect(dispatcher.Locator("[data-field=chain]")).ToContainTextAsync("通过");
        await Assertions.Expect(dispatcher.Locator("table.cc-history tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(dispatcher.GetByRole(AriaRole.Form, new() { Name = "销号" })).ToBeVisibleAsync();
        await dispatcher.ScreenshotAsync(new() { Path = Shot("appeal-detail-desktop.png"), FullPage = true });
        var appeal = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IAppealGrain>(appealId).Get();
        Assert.Equal(AppealStatus.Replied, appeal?.Status);
        Assert.Equal(2, appeal?.LastEvidence.Length);
        await Assertions.Expect(dispatcher.Locator(".cc-evidence a")).ToHaveCountAsync(2);
        var download = await dispatcher.RunAndWaitForDownloadAsync(() => dispatcher.Locator(".cc-evidence a").First.ClickAsync());
        Assert.Equal("续贷审批通知书.pdf", download.SuggestedFilename);

        var sheet = await dispatcherContext.NewPageAsync();
        await sheet.GotoAsync($"/appeals/{appealId}/sheets/feedback");
        await sheet.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(sheet.GetByRole(AriaRole.Heading, new() { Name = "反馈销号单" })).ToBeVisibleAsync();
        await Assertions.Expect(sheet.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync();
        await sheet.ScreenshotAsync(new() { Path = Shot("appeal-sheet-feedback-print.png"), FullPage = true });
        var pdf = await sheet.PdfAsync(new() { Path = Shot("appeal-sheet-feedback.pdf"), Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 1000);
    }

    [Fact]
    public async Task AppealDetail_SomeoneElseChangesTheAppeal_BannerAppearsAndTypedTextStays()
    {
        // Arrange: a dispatcher has an appeal open and is typing a supervision note.
        await using var factory = DashboardFactory.WithKestrel(withDemoDistrict: true);
        var baseAddress = factory.StartKestrel();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var enterprise = (await factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { Limit = 1 })).Items[0];
        var appealId = Guid.NewGuid().ToString("N");
        var other = new AppealActor("other-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench);
        await grains.GetGrain<IAppealGrain>(appealId).Submit(
            new AppealIntake(appealId, enterprise.CreditCode, enterprise.TownCode, AppealChannel.Hotline12345, "finance", Grains.Abstractions.Sla.AppealPriority.Normal,
                "续贷审批慢", "企业反映贷款续贷审批时间过长。"), other);
        var (playwright, browser) = await BrowserSession.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await SignInAsync(context, $"/appeals/{appealId}", DashboardRoles.Dispatcher, DemoAccounts.Password);
        var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "此诉求已被他人更新" });
        var note = page.GetByRole(AriaRole.Form, new() { Name = "督办" }).GetByRole(AriaRole.Textbox);
        await note.FillAsync("请本周内反馈办理进展");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        // Act: another dispatcher routes it.
        await grains.GetGrain<IAppealGrain>(appealId).Route(other, DepartmentCodes.Finance);

        // Assert
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner.GetByRole(AriaRole.Link, new() { Name = "刷新" })).ToHaveAttributeAsync("href", $"/appeals/{appealId}");
        await Assertions.Expect(note).ToHaveValueAsync("请本周内反馈办理进展");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("appeal-detail-changed-meanwhile.png"), FullPage = false });
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string path, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        return page;
    }
}

public sealed class AppealWorkbenchBrowserSqliteTests() : AppealWorkbenchBrowserTests(DatabaseProvider.Sqlite);

public sealed class AppealWorkbenchBrowserPostgresTests() : AppealWorkbenchBrowserTests(DatabaseProvider.Postgres);
