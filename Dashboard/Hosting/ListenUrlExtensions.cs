namespace Dashboard.Hosting;

internal static class ListenUrlExtensions
{
    /// <summary>Listens on <paramref name="url"/> unless ASPNETCORE_URLS, --urls, HTTP_PORTS or a Kestrel
    /// endpoint says otherwise, so that a bare <c>dotnet run</c> stays on loopback.</summary>
    public static WebApplicationBuilder UseDefaultListenUrl(this WebApplicationBuilder builder, string url)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }
}
