using System.Net;

namespace TestInfrastructure.Fuzz;

/// <summary>One HTTP client per demo role, signed in through the real /signin form, and one anonymous client; then the
/// post targets every session can see (forms found by crawling its pages, and the appeal API) and each session's valid
/// antiforgery token (any form of the session carries one that is valid for all its forms).</summary>
public sealed class FuzzSessions : IDisposable
{
    // Pages whose links lead to the records with forms; the crawl follows at most PerKind links of each kind.
    private static readonly string[] StartPages =
        ["/", "/appeals", "/appeals/new", "/enterprises", "/projects", "/my/appeals", "/admin/wall-tokens", "/admin/integrity", "/admin/geography", "/account/password", "/signin"];

    private static readonly string[] RecordKinds = ["/appeals/", "/enterprises/", "/projects/", "/towns/", "/my/appeals/"];
    private const int PerKind = 3;

    private FuzzSessions(Dictionary<string, HttpClient> clients) => Clients = clients;

    public IReadOnlyDictionary<string, HttpClient> Clients { get; }

    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public List<FuzzTarget> Targets { get; } = [];

    /// <summary>Signs in each role (user name = role) with <paramref name="password"/>; <paramref name="newClient"/> makes a
    /// client with a cookie container of its own that does not follow redirects.</summary>
    public static async Task<FuzzSessions> SignInAsync(Func<HttpClient> newClient, IEnumerable<string> roles, string password)
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { [FuzzGenerator.Anonymous] = newClient() };
        foreach (var role in roles)
        {
            var client = newClient();
            var token = FuzzForm.AntiforgeryToken(await client.GetStringAsync(new Uri("/signin", UriKind.Relative)))
                ?? throw new InvalidOperationException("/signin has no antiforgery token.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [FuzzForm.Handler] = "signin",
                [FuzzForm.Token] = token,
                ["Input.UserName"] = role,
                ["Input.Password"] = password,
            });
            using var response = await client.PostAsync(new Uri("/signin?returnUrl=%2F", UriKind.Relative), form);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in as {role} answered {(int)response.StatusCode}.");
            }

            clients[role] = client;
        }

        return new FuzzSessions(clients);
    }

    /// <summary>Crawls each session's pages for post forms; adds the appeal API calls with a seen appeal and enterprise.</summary>
    public async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var appeals = new SortedSet<string>(StringComparer.Ordinal);
        var enterprises = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (role, client) in Clients.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pages = new Queue<string>(StartPages);
            var followed = RecordKinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
            while (pages.TryDequeue(out var page))
            {
                if (!seen.Add(page) || await HtmlAsync(client, page, cancellationToken) is not { } html)
                {
                    continue;
                }

                if (FuzzForm.AntiforgeryToken(html) is { } token)
                {
                    Tokens.TryAdd(role, token);
                }

                foreach (var form in FuzzForm.PostForms(role, page, html))
                {
                    // Signing out ends every session of the user: the rest of the run would test the sign-in page only.
                    if (form.Action != "/account/signout" || role == FuzzGenerator.Anonymous)
                    {
                        Targets.Add(form);
                    }
                }

                foreach (var link in FuzzForm.Links(html).Distinct().Order(StringComparer.Ordinal))
                {
                    var kind = RecordKinds.Where(k => link.StartsWith(k, StringComparison.Ordinal) && link.Length > k.Length && !link[k.Length..].Contains('/'))
                        .OrderByDescending(k => k.Length).FirstOrDefault();
                    if (kind is not null && link != "/appeals/new" && followed[kind] < PerKind && !seen.Contains(link))
                    {
                        followed[kind]++;
                        pages.Enqueue(link);
                        var id = link[kind.Length..];
                        (kind == "/enterprises/" ? enterprises : kind == "/appeals/" ? appeals : null)?.Add(id);
                    }
                }
            }
        }

        foreach (var role in Clients.Keys.Where(Tokens.ContainsKey).ToList())
        {
            AddApi(role, appeals.FirstOrDefault(a => a.Length == 32) ?? "0", enterprises.FirstOrDefault() ?? "0");
        }

        // Duplicate forms (the same form on every page, the language switch) once per role and action.
        var distinct = Targets.DistinctBy(t => (t.Role, t.Action, t.Name, string.Join('&', t.Fields.Where(f => f.Key != FuzzForm.Token).Select(f => f.Key)))).ToList();
        Targets.Clear();
        Targets.AddRange(distinct);
    }

    private void AddApi(string role, string appeal, string enterprise)
    {
        var id = new KeyValuePair<string, string>("@id", appeal);
        Targets.Add(new FuzzTarget(role, "/api", "/api/appeals/", [
            new("Id", new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(role))[..16]).ToString("N")), new("EnterpriseCreditCode", enterprise), new("Channel", "Hotline12345"), new("Category", "finance"),
            new("Priority", "Normal"), new("Title", "fuzz"), new("Text", "fuzz")], IsApi: true));
        Targets.Add(new FuzzTarget(role, "/api", $"/api/appeals/{appeal}/route", [id, new("Version", "1"), new("DepartmentCode", "finance")], IsApi: true));
        Targets.Add(new FuzzTarget(role, "/api", $"/api/appeals/{appeal}/take-over", [id, new("Version", "1")], IsApi: true));
        Targets.Add(new FuzzTarget(role, "/api", $"/api/appeals/{appeal}/supervise", [id, new("Version", "1"), new("Text", "fuzz")], IsApi: true));
        Targets.Add(new FuzzTarget(role, "/api", $"/api/appeals/{appeal}/close", [id, new("Version", "1"), new("Text", "fuzz")], IsApi: true));
    }

    private static async Task<string?> HtmlAsync(HttpClient client, string page, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html"
            ? await response.Content.ReadAsStringAsync(cancellationToken)
            : null;
    }

    public void Dispose()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }
    }
}
