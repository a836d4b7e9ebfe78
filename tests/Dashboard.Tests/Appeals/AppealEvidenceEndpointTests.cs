using System.Net;
using Dashboard.Appeals;
using Dashboard.Auth;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Departments;
using Storage;

namespace Dashboard.Tests.Appeals;

/// <summary>Reply evidence as uploaded files: stored with the size and hash the appeal's history records, refused as a
/// whole when any file breaks the rules, and downloadable only by those who may open the appeal.</summary>
public abstract class AppealEvidenceEndpointTests(AppealsFixture fixture)
{
    [Fact]
    public async Task Reply_PngAndPdf_StoredAndHistoryPinsSizeAndHash()
    {
        // Arrange
        var (appeal, client, url) = await InProgressAsync();
        var png = EvidenceSample.Png();
        var pdf = EvidenceSample.Pdf();

        // Act
        using var response = await client.SubmitFilesAsync(url, "reply", [("Text", "已协调银行办理。"), ("EvidenceNote", "整改后现场")], png, pdf);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await fixture.StoredEvidenceAsync(appeal.Id);
        Assert.Equal([png.Sha256, pdf.Sha256], stored.Select(s => s.Sha256));
        Assert.Equal([png.Content.LongLength, pdf.Content.LongLength], stored.Select(s => s.Size));
        var replied = Assert.Single(await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).GetHistory(), e => e.Kind == AppealEventKind.Replied);
        Assert.Equal($"现场照片.png|image/png|{png.Content.Length}|{png.Sha256}", replied.Field("evidence.00"));
        Assert.Equal($"审批单.pdf|application/pdf|{pdf.Content.Length}|{pdf.Sha256}", replied.Field("evidence.01"));
    }

    [Fact]
    public async Task Download_Handler_ReturnsTheSameBytesAsAnAttachment()
    {
        // Arrange
        var (appeal, client, url) = await InProgressAsync();
        var pdf = EvidenceSample.Pdf();
        using var _ = await client.SubmitFilesAsync(url, "reply", [("Text", "已办理。")], pdf);
        var row = Assert.Single(await fixture.StoredEvidenceAsync(appeal.Id));

        // Act
        using var response = await client.GetAsync($"/appeals/{appeal.Id}/evidence/{row.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf.Content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("审批单.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task AppealPage_AfterReply_ListsTheFileWithLinkSizeAndHash()
    {
        // Arrange
        var (appeal, client, url) = await InProgressAsync();
        var png = EvidenceSample.Png(size: 2048);
        using var _ = await client.SubmitFilesAsync(url, "reply", [("Text", "已办理。")], png);
        var row = Assert.Single(await fixture.StoredEvidenceAsync(appeal.Id));

        // Act
        var page = await client.PageAsync(url);
        var sheet = await client.PageAsync($"/appeals/{appeal.Id}/sheets/feedback");

        // Assert
        var link = page.QuerySelector($".cc-evidence a[href='/appeals/{appeal.Id}/evidence/{row.Id}']");
        Assert.Equal("现场照片.png", link?.TextContent);
        Assert.Contains("2.0 KB", link?.ParentElement?.TextContent, StringComparison.Ordinal);
        Assert.Contains(png.Sha256, page.QuerySelector("table.cc-history")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(sheet.QuerySelector($".cc-evidence a[href='/appeals/{appeal.Id}/evidence/{row.Id}']"));
        // Who replied: the person's name and role, never the account's user name.
        var who = page.QuerySelectorAll("table.cc-history tbody tr").Last().Children[3].TextContent;
        Assert.Equal("金融经办人（测试） 部门经办人", who.Trim());
        Assert.DoesNotContain(AppealsFixture.FinanceHandler, who, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OwningEnterprise_AllowedAndListedOnItsPage()
    {
        // Arrange
        var enterprise = await fixture.NewEnterpriseAsync("佐证企业");
        var (appeal, client, url) = await InProgressAsync(enterprise);
        using var _ = await client.SubmitFilesAsync(url, "reply", [("Text", "已办理。")], EvidenceSample.Png());
        var row = Assert.Single(await fixture.StoredEvidenceAsync(appeal.Id));
        using var owner = await fixture.ClientAsync(await fixture.CreateUserAsync(DashboardRoles.Enterprise, enterprise.CreditCode));

        // Act
        using var download = await owner.GetAsync($"/appeals/{appeal.Id}/evidence/{row.Id}");
        var page = await owner.PageAsync($"/my/appeals/{appeal.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.NotNull(page.QuerySelector($".cc-evidence a[href='/appeals/{appeal.Id}/evidence/{row.Id}']"));
    }

    [Theory]
    [InlineData("department")]
    [InlineData("enterprise")]
    [InlineData("town")]
    public async Task Download_OutOfScope_Returns403(string who)
    {
        // Arrange
        var (appeal, client, url) = await InProgressAsync();
        using var _ = await client.SubmitFilesAsync(url, "reply", [("Text", "已办理。")], EvidenceSample.Png());
        var row = Assert.Single(await fixture.StoredEvidenceAsync(appeal.Id));
        var other = await fixture.AnyEnterpriseAsync(1);
        var userName = who switch
        {
            "department" => AppealsFixture.CommerceHandler,
            "enterprise" => await fixture.CreateUserAsync(DashboardRoles.Enterprise, other.CreditCode == appeal.EnterpriseCreditCode ? "91000000000000000X" : other.CreditCode),
            _ => await fixture.CreateUserAsync(DashboardRoles.Town, appeal.TownCode),
        };
        using var outsider = await fixture.ClientAsync(userName);

        // Act
        using var response = await outsider.GetAsync($"/appeals/{appeal.Id}/evidence/{row.Id}");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Download_UnknownEvidence_Returns404()
    {
        // Arrange
        var (appeal, client, _) = await InProgressAsync();

        // Act
        using var response = await client.GetAsync($"/appeals/{appeal.Id}/evidence/999999999");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string> RefusedUploads => ["oversized", "disguised", "too-many", "wrong-extension"];

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task Reply_FileBreaksTheRules_RefusedWithMessageNothingStoredTextKept(string kind)
    {
        // Arrange
        var (appeal, client, url) = await InProgressAsync();
        EvidenceSample[] files = kind switch
        {
            "oversized" => [EvidenceSample.Pdf(), EvidenceSample.Png("大图.png", (int)EvidenceUpload.MaxBytes + 1)],
            "disguised" => [EvidenceSample.Pdf(), EvidenceSample.Disguised()],
            "too-many" => [.. Enumerable.Range(0, EvidenceUpload.MaxFiles + 1).Select(i => EvidenceSample.Png($"p{i}.png"))],
            _ => [new EvidenceSample("脚本.exe", EvidenceSample.Pdf().Content)],
        };
        var expected = kind switch
        {
            "oversized" => "超过 10 MB",
            "too-many" => "最多上传 5 个文件",
            _ => "不是允许的类型",
        };

        // Act
        using var response = await client.SubmitFilesAsync(url, "reply", [("Text", "已按要求整改。")], files);
        var page = await response.HtmlAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("form[aria-label=反馈]");
        Assert.Contains(expected, form?.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("已按要求整改。", form?.QuerySelector("textarea[name=Text]")?.TextContent);
        Assert.Empty(await fixture.StoredEvidenceAsync(appeal.Id));
        Assert.Equal(AppealStatus.InProgress, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())?.Status);
    }

    [Fact]
    public async Task Reply_DispatcherPostsTheReplyForm_Returns403AndNothingStored()
    {
        // Arrange
        var (appeal, _, url) = await InProgressAsync();
        using var dispatcher = await fixture.ClientAsync(DashboardRoles.Dispatcher);
        var hidden = FormPost.HiddenFields(await dispatcher.PageAsync(url), "supervise");
        hidden.RemoveAll(h => h.Key == "_handler");
        hidden.Add(new("_handler", "reply"));

        // Act
        using var response = await dispatcher.SubmitFilesAsync(url, hidden, [("Text", "代为反馈")], EvidenceSample.Png());

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await fixture.StoredEvidenceAsync(appeal.Id));
    }

    [Fact]
    public async Task Reply_GrainRefusesAfterFilesWereWritten_StoredFilesRemoved()
    {
        // Arrange: a blank reply text passes the page (it checks files only) and is refused by the grain.
        var (appeal, client, url) = await InProgressAsync();

        // Act
        using var response = await client.SubmitFilesAsync(url, "reply", [("Text", "   ")], EvidenceSample.Png());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await fixture.StoredEvidenceAsync(appeal.Id));
        Assert.Equal(AppealStatus.InProgress, (await fixture.Grains.GetGrain<IAppealGrain>(appeal.Id).Get())?.Status);
    }

    private async Task<(Appeal Appeal, HttpClient Client, string Url)> InProgressAsync(Storage.ReadModels.EnterpriseListItem? enterprise = null)
    {
        var appeal = await fixture.NewAppealAsync(routeTo: DepartmentCodes.Finance, enterprise: enterprise);
        var client = await fixture.ClientAsync(AppealsFixture.FinanceHandler);
        var url = $"/appeals/{appeal.Id}";
        using var takeOver = await client.SubmitAsync(url, "takeover");
        Assert.Equal(HttpStatusCode.Redirect, takeOver.StatusCode);
        return (appeal, client, url);
    }
}

[Collection(SqliteAppealsCollection.Name)]
public sealed class AppealEvidenceEndpointSqliteTests(SqliteAppealsFixture fixture) : AppealEvidenceEndpointTests(fixture);

[Collection(PostgresAppealsCollection.Name)]
public sealed class AppealEvidenceEndpointPostgresTests(PostgresAppealsFixture fixture) : AppealEvidenceEndpointTests(fixture);
