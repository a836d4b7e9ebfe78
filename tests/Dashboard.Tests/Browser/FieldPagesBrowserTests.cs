using System.Globalization;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Projects;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The real app on Kestrel with the demo district, shared by this class's browser flows (each flow takes its
/// own project, enterprise and user).</summary>
public sealed class FieldBrowserHost : IAsyncLifetime
{
    public const string Password = "field-browser-2026";

    private int users;

    public DashboardFactory Factory { get; } = DashboardFactory.WithKestrel(withDemoDistrict: true);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IPlaywright? Playwright { get; private set; }

    public IBrowser? Browser { get; private set; }

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    public string DistrictCode => Factory.Services.GetRequiredService<IOptions<DomainOptions>>().Value.DistrictCode;

    public async Task InitializeAsync()
    {
        BaseAddress = Factory.StartKestrel();
        (Playwright, Browser) = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    public async Task<string> CreateUserAsync(string role, string? scope)
    {
        var userName = $"browser-{role}-{Interlocked.Increment(ref users)}";
        await Factory.Services.GetRequiredService<UserStore>().CreateAsync(userName, $"测试{role}", role, scope, isDemo: false, Password, CancellationToken.None);
        return userName;
    }

    /// <summary>A new browser context of the given size, signed in as the user.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, int width, int height)
    {
        var context = await Browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A leader's wall in its own browser context, live.</summary>
    public async Task<IPage> OpenWallAsync()
    {
        var wall = await SignedInPageAsync(await CreateUserAsync(DashboardRoles.Leader, null), 1280, 720);
        await wall.GotoAsync("/wall");
        await Assertions.Expect(wall.GetByRole(AriaRole.Status, new() { Name = "实时连接状态" })).ToHaveTextAsync("实时", new() { Timeout = 15_000 });
        return wall;
    }

    /// <summary>The newest item of the wall's live feed.</summary>
    public static ILocator NewestFeedItem(IPage wall) =>
        wall.GetByRole(AriaRole.List, new() { Name = "实时动态" }).GetByRole(AriaRole.Listitem).First;
}

public sealed class FieldPagesBrowserTests(FieldBrowserHost host) : IClassFixture<FieldBrowserHost>
{
    // Spreads the flows over different demo projects and enterprises so that no two share one.
    private static int taken;

    [Fact]
    public async Task StewardOnPhone_UpdatesStageAndInvestment_SeesConfirmations()
    {
        // Arrange: a project short of production, and its steward.
        var project = await TakeProjectAsync(p => p.Stage < ProjectStage.Completed && p.TotalInvestment > 100m);
        var page = await host.SignedInPageAsync(await host.CreateUserAsync(DashboardRoles.Steward, project.StewardOfficialId), 390, 844);
        var wall = await host.OpenWallAsync();

        // Act: open the list, then the project; move the stage and record investment.
        await page.GotoAsync("/projects");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的项目" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("projects-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = project.Name }).First.ClickAsync();
        await page.WaitForURLAsync($"**/projects/{project.Id}");
        await page.GetByLabel("更新为").SelectOptionAsync((project.Stage + 1).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "保存阶段" }).ClickAsync();
        var confirmation = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存" });
        await Assertions.Expect(confirmation).ToContainTextAsync("项目阶段由");
        await Assertions.Expect(FieldBrowserHost.NewestFeedItem(wall)).ToContainTextAsync("项目阶段变更", new() { Timeout = 10_000 });
        await Assertions.Expect(FieldBrowserHost.NewestFeedItem(wall)).ToContainTextAsync(project.Name);
        await wall.Context.CloseAsync();
        var amount = Math.Min(project.TotalInvestment, project.CompletedAnnualInvestment + 12.5m).ToString(CultureInfo.InvariantCulture);
        await page.GetByLabel("本年已完成投资（万元）").FillAsync(amount);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存投资" }).ClickAsync();

        // Assert
        await Assertions.Expect(confirmation).ToContainTextAsync("本年已完成投资由");
        var saved = (await host.Grains.GetGrain<IKeyProjectGrain>(project.Id).GetProject())!;
        Assert.Equal(project.Stage + 1, saved.Stage);
        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), saved.CompletedAnnualInvestment);
        await AssertNoHorizontalScrollAsync(page);
        await AssertTouchTargetsAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("project-detail-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("project-detail-desktop.png"), FullPage = true });
        await page.GotoAsync("/projects");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("projects-desktop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EnterpriseOnPhone_SubmitsAppealThenRatesDissatisfiedAfterReply_PageSaysReopened()
    {
        // Arrange
        var enterprise = await TakeEnterpriseAsync();
        var page = await host.SignedInPageAsync(await host.CreateUserAsync(DashboardRoles.Enterprise, enterprise.CreditCode), 390, 844);
        var wall = await host.OpenWallAsync();

        // Act: submit an appeal.
        await page.GotoAsync("/my/appeals");
        await page.GetByLabel("诉求类别").SelectOptionAsync("finance");
        await page.GetByLabel("诉求内容").FillAsync("车间用电经常跳闸，影响生产，希望协调供电公司。");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("my-appeals-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交诉求" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" }).ClickAsync();
        await page.WaitForURLAsync("**/my/appeals/*");
        var appealId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The department replies (through the grains, as the appeal workbench would).
        var appeal = host.Grains.GetGrain<IAppealGrain>(appealId);
        var routed = await appeal.Route(new("browser-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), null);
        var handler = new AppealActor("browser-handler", ActorRole.DepartmentHandler, routed.DepartmentCode, ActionChannel.Workbench);
        await appeal.TakeOver(handler);
        await appeal.Reply(handler, "已协调供电公司更换变压器，请查看。", [new("现场照片.jpg", "image/jpeg", 2048, new string('b', 64))]);

        // The open page says the appeal moved on, without a reload; the enterprise refreshes and rates the result 不满意.
        var progressed = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "您的诉求有新进展" });
        await Assertions.Expect(progressed).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await progressed.GetByRole(AriaRole.Link, new() { Name = "刷新" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已协调供电公司更换变压器，请查看。").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("my-appeal-replied-phone.png"), FullPage = true });
        await page.GetByText("不满意", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("评价意见（可选）").FillAsync("仍然跳闸");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("诉求已重新打开");
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("已重新打开");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交评价" })).ToHaveCountAsync(0);
        Assert.Equal(AppealStatus.AwaitingVerification, (await appeal.Get())?.Status);

        // The centre upholds the 不满意 rating: the work is reopened, and the open wall says so without a reload.
        await appeal.VerifyDissatisfaction(new("browser-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), "核实属实，退回重办", upheld: true);
        await Assertions.Expect(FieldBrowserHost.NewestFeedItem(wall)).ToContainTextAsync("重新办理", new() { Timeout = 10_000 });
        await Assertions.Expect(FieldBrowserHost.NewestFeedItem(wall)).ToContainTextAsync(enterprise.Name);
        await wall.Context.CloseAsync();
        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("my-appeal-rated-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("my-appeal-rated-desktop.png"), FullPage = true });
        await page.GotoAsync("/my/appeals");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("my-appeals-desktop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PackageOfficial_RecordsVisitWithProblem_SeesItInTheLog()
    {
        // Arrange
        var (enterprise, official) = await TakePackagedEnterpriseAsync();
        var page = await host.SignedInPageAsync(await host.CreateUserAsync(DashboardRoles.Steward, official), 390, 844);

        // Act
        await page.GotoAsync($"/enterprises/{enterprise.CreditCode}");
        await page.GetByLabel("走访情况").FillAsync("走访了解扩产进度，企业反映用工难。");
        await page.GetByLabel("问题标题").FillAsync("熟练焊工招聘难");
        await page.GetByLabel("问题描述").FillAsync("企业急需 20 名熟练焊工，希望人社部门协助对接。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访" }).ClickAsync();

        // Assert
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("发现的问题已转为诉求");
        await Assertions.Expect(page.GetByText("走访了解扩产进度，企业反映用工难。")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("enterprise-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("enterprise-desktop.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dispatcher_SearchesDirectoryByPartialCreditCode_OpensTheEnterprise()
    {
        // Arrange
        var enterprise = await TakeEnterpriseAsync();
        var part = enterprise.CreditCode.Substring(5, 9).ToLowerInvariant();
        var page = await host.SignedInPageAsync(await host.CreateUserAsync(DashboardRoles.Dispatcher, null), 1366, 900);

        // Act: from the menu to the directory, search a piece of the credit code typed in lower case.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "企业名录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "企业名录" })).ToBeVisibleAsync();
        await page.GetByLabel("名称或统一社会信用代码").FillAsync(part);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var result = page.GetByRole(AriaRole.Link, new() { Name = enterprise.Name, Exact = true });
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = "查询结果" })).ToContainTextAsync("共 ");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("enterprise-directory-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await AssertNoHorizontalScrollAsync(page);
        await AssertTouchTargetsAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("enterprise-directory-phone.png"), FullPage = true });
        await result.ClickAsync();

        // Assert
        await page.WaitForURLAsync($"**/enterprises/{enterprise.CreditCode}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = enterprise.Name, Level = 1 })).ToBeVisibleAsync();
        Assert.Contains(part, page.Url.ToLowerInvariant(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px");
    }

    /// <summary>Every submit button is at least 44 px tall (a thumb's target).</summary>
    private static async Task AssertTouchTargetsAsync(IPage page)
    {
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('main button[type=submit]')].map(b => b.getBoundingClientRect().height))");
        Assert.True(smallest >= 44, $"a submit button is only {smallest} px tall");
    }

    private async Task<KeyProject> TakeProjectAsync(Func<KeyProject, bool> fits)
    {
        var list = await host.Factory.Services.GetRequiredService<ProjectQueries>().ListAsync(new ProjectListQuery { DistrictCode = host.DistrictCode, Limit = 500 });
        foreach (var item in list.Items.Skip(Interlocked.Increment(ref taken) * 7))
        {
            if (await host.Grains.GetGrain<IKeyProjectGrain>(item.Id).GetProject() is { } project && fits(project))
            {
                return project;
            }
        }

        throw new InvalidOperationException("No demo project fits.");
    }

    private async Task<EnterpriseProfile> TakeEnterpriseAsync()
    {
        var list = await host.Factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { DistrictCode = host.DistrictCode, Limit = 50, Offset = 100 });
        return (await host.Grains.GetGrain<IEnterpriseGrain>(list.Items[Interlocked.Increment(ref taken)].CreditCode).GetProfile())!;
    }

    private async Task<(EnterpriseProfile Enterprise, string Official)> TakePackagedEnterpriseAsync()
    {
        var list = await host.Factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { DistrictCode = host.DistrictCode, Limit = 500, Offset = 200 });
        var item = list.Items.First(e => e.OfficialCount > 0);
        var grain = host.Grains.GetGrain<IEnterpriseGrain>(item.CreditCode);
        return ((await grain.GetProfile())!, (await grain.GetOfficials())[0]);
    }
}
