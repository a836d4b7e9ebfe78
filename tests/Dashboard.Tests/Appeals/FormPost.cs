using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Dashboard.Tests.Appeals;

/// <summary>Posts a page's form as a browser would: its hidden fields (antiforgery token, handler, version) plus the
/// fields the test fills in.</summary>
internal static class FormPost
{
    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The hidden fields of the form whose handler (Blazor's form name) is <paramref name="handler"/>.</summary>
    public static List<KeyValuePair<string, string>> HiddenFields(IHtmlDocument page, string handler)
    {
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{handler}']") is not null)
            ?? throw new InvalidOperationException($"No form '{handler}' on the page.");
        return [.. form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name") ?? "", i.GetAttribute("value") ?? ""))];
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.PageAsync(url);
        return await client.SubmitAsync(url, HiddenFields(page, handler), fields);
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, List<KeyValuePair<string, string>> hidden, params (string Name, string Value)[] fields)
    {
        var values = hidden.Where(h => fields.All(f => f.Name != h.Key)).Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts the form as multipart, as a browser does for a form with a file input.</summary>
    public static Task<HttpResponseMessage> SubmitFilesAsync(
        this HttpClient client, string url, List<KeyValuePair<string, string>> hidden, IEnumerable<(string Name, string Value)> fields, params EvidenceSample[] files)
    {
        var list = fields.ToList();
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in hidden.Where(h => list.All(f => f.Name != h.Key)).Select(h => (h.Key, h.Value)).Concat(list))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "EvidenceFiles", file.Name);
        }

        return client.PostAsync(url, content);
    }

    public static async Task<HttpResponseMessage> SubmitFilesAsync(
        this HttpClient client, string url, string handler, IEnumerable<(string Name, string Value)> fields, params EvidenceSample[] files) =>
        await client.SubmitFilesAsync(url, HiddenFields(await client.PageAsync(url), handler), fields, files);

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
