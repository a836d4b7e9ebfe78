using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Grains.Abstractions.Appeals;
using Grains.Abstractions.Enterprises;
using Grains.Abstractions.Projects;
using Grains.Hosting;
using Storage.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storage;

namespace Dashboard.Tests.Field;

/// <summary>One dashboard with the demo district for all field-page endpoint tests. Tests stay isolated by taking
/// their own project, enterprise and user from it: nothing is shared between two tests. One subclass (and collection)
/// per database engine.</summary>
public abstract class FieldHost(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Password = "field-test-2026";

    private readonly ConcurrentDictionary<string, bool> taken = new(StringComparer.Ordinal);
    private IReadOnlyList<ProjectListItem> projects = [];
    private IReadOnlyList<EnterpriseListItem> enterprises = [];
    private int users;

    public DashboardFactory Factory { get; } = DashboardFactory.WithDemoDistrict(provider);

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        using var _ = Factory.CreateClient();
        var district = Factory.Services.GetRequiredService<IOptions<DomainOptions>>().Value.DistrictCode;
        projects = (await Factory.Services.GetRequiredService<ProjectQueries>().ListAsync(new ProjectListQuery { DistrictCode = district, Limit = 500 })).Items;
        enterprises = (await Factory.Services.GetRequiredService<EnterpriseQueries>().ListAsync(new EnterpriseListQuery { DistrictCode = district, Limit = 500 })).Items;
        if (projects.Count == 0 || enterprises.Count == 0)
        {
            throw new InvalidOperationException("The demo district did not load: no projects or enterprises in the read model.");
        }
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();

    /// <summary>A project no other test uses, matching <paramref name="fits"/>.</summary>
    public async Task<KeyProject> TakeProjectAsync(Func<KeyProject, bool>? fits = null)
    {
        foreach (var item in projects)
        {
            var project = await Grains.GetGrain<IKeyProjectGrain>(item.Id).GetProject();
            if (project is not null && (fits?.Invoke(project) ?? true) && taken.TryAdd("p:" + item.Id, true))
            {
                return project;
            }
        }

        throw new InvalidOperationException("No demo project left that fits.");
    }

    /// <summary>An enterprise no other test uses, with at least one package official when asked.</summary>
    public async Task<(EnterpriseProfile Profile, IReadOnlyList<string> Officials)> TakeEnterpriseAsync(bool packaged)
    {
        foreach (var item in enterprises.Where(e => (e.OfficialCount > 0) == packaged))
        {
            if (taken.TryAdd("e:" + item.CreditCode, true))
            {
                var grain = Grains.GetGrain<IEnterpriseGrain>(item.CreditCode);
                return ((await grain.GetProfile())!, [.. await grain.GetOfficials()]);
            }
        }

        throw new InvalidOperationException("No demo enterprise left.");
    }

    /// <summary>Drives an appeal to 已反馈 through the real grains: routed by a dispatcher, taken over and replied to by
    /// the department it was routed to.</summary>
    public async Task ReplyAsync(string appealId, string reply = "已协调供电公司完成线路改造，请查收。")
    {
        var appeal = Grains.GetGrain<IAppealGrain>(appealId);
        var routed = await appeal.Route(new("test-dispatcher", ActorRole.Dispatcher, null, ActionChannel.Workbench), null);
        var handler = new AppealActor("test-handler", ActorRole.DepartmentHandler, routed.DepartmentCode, ActionChannel.Workbench);
        await appeal.TakeOver(handler);
        await appeal.Reply(handler, reply, [new("现场照片.jpg", "image/jpeg", 2048, new string('a', 64))]);
    }

    /// <summary>Creates an account with the role and scope through the real user store.</summary>
    public async Task<string> CreateUserAsync(string role, string? scope)
    {
        var userName = $"field-{role}-{Interlocked.Increment(ref users)}";
        await Factory.Services.GetRequiredService<UserStore>().CreateAsync(userName, $"测试 {role}", role, scope, isDemo: false, Password, CancellationToken.None);
        return userName;
    }

    /// <summary>A client signed in as a new user with this role and scope (null role: anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string? role, string? scope = null)
    {
        var client = Factory.CreateClient(new CookieContainer());
        if (role is not null)
        {
            var signIn = await client.SignInAsync(await CreateUserAsync(role, scope), Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        return client;
    }

    /// <summary>A client signed in as the demo account of a role (scopes are placeholders that match nothing here).</summary>
    public async Task<HttpClient> DemoClientAsync(string role)
    {
        var client = Factory.CreateClient(new CookieContainer());
        await client.AsDemoAsync(role);
        return client;
    }
}

public sealed class SqliteFieldHost() : FieldHost(DatabaseProvider.Sqlite);

public sealed class PostgresFieldHost() : FieldHost(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class FieldCollection : ICollectionFixture<SqliteFieldHost>
{
    public const string Name = "field pages";
}

[CollectionDefinition(Name)]
public sealed class PostgresFieldCollection : ICollectionFixture<PostgresFieldHost>
{
    public const string Name = "field pages on PostgreSQL";
}

/// <summary>Reading pages and sending their forms as a browser would.</summary>
internal static class FormPosts
{
    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The fields of the form named <paramref name="formName"/> (the first one when several share the name
    /// and no <paramref name="pick"/> is given), as the browser would send them.</summary>
    public static Dictionary<string, string> FieldsOf(IHtmlDocument document, string formName, Func<IHtmlFormElement, bool>? pick = null)
    {
        var form = document.Forms.FirstOrDefault(f =>
            f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName && (pick?.Invoke(f) ?? true))
            ?? throw new InvalidOperationException($"The page has no form '{formName}'.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields[input.Name] = input.Value;
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
                default:
                    break;
            }
        }

        return fields;
    }

    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields)
    {
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens the page, fills the form with <paramref name="values"/> and sends it.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Document, Dictionary<string, string> Sent)> SubmitAsync(
        this HttpClient client, string url, string formName, IDictionary<string, string> values, Func<IHtmlFormElement, bool>? pick = null)
    {
        var (status, page) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = FieldsOf(page, formName, pick);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var (postStatus, document) = await client.PostFormAsync(url, fields);
        return (postStatus, document, fields);
    }

    public static string? Text(this IHtmlDocument document, string selector) => document.QuerySelector(selector)?.TextContent.Trim();
}
