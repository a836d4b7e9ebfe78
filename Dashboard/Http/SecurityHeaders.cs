using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dashboard.Http;

/// <summary>Security headers on every response: pages, JSON, static files, redirects and error pages alike (set when the
/// response starts, so that the exception handler clearing the headers of a failed response does not remove them).
/// <list type="bullet">
/// <item>Content-Security-Policy: scripts only as same-origin files (no inline script, no inline event handler, no eval);
/// styles from same-origin files and, with 'unsafe-inline', style attributes and the &lt;style&gt; elements that htmx,
/// Leaflet, ECharts and MudBlazor write (there is no script to inject them with, so this opens no script path);
/// connections to the same origin over https and ws/wss (the SignalR hub and Blazor's circuit); images from the same origin,
/// data: URIs (Bootstrap's icons) and the configured map-tile origins; nothing may frame a page (frame-ancestors 'none',
/// and X-Frame-Options DENY for old browsers) except /wall from the origins in "Dashboard:Wall:FrameAncestors".</item>
/// <item>X-Content-Type-Options: nosniff; Referrer-Policy: strict-origin-when-cross-origin unless a response chose a
/// stricter one (a wall-link redirect sends none).</item>
/// <item>Strict-Transport-Security on responses to HTTPS requests, outside Development. Behind a TLS-terminating proxy, set
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so that the request's scheme (and the client address the sign-in throttle counts)
/// is the one the proxy saw.</item>
/// </list></summary>
internal static partial class SecurityHeaders
{
    private const string WallPath = "/wall";
    private const string HstsValue = "max-age=31536000";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<SecurityHeadersOptions>()
            .Configure(options =>
            {
                options.WallFrameAncestors = Split(configuration[SecurityHeadersOptions.WallFrameAncestorsKey]);
                options.ImageOrigins = TileOrigin(configuration["Dashboard:Map:TileUrl"]) is { } origin ? [origin] : [];
            })
            .Validate(options => options.WallFrameAncestors.All(IsSource),
                $"{SecurityHeadersOptions.WallFrameAncestorsKey} must list origins such as https://portal.example.gov.cn (or 'self'), separated by spaces or commas.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>First in the pipeline, so that every response gets the headers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value;
        var policies = new Policies(options, hsts: !app.Environment.IsDevelopment());
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var (context, policies) = ((HttpContext, Policies))state;
                policies.Apply(context);
                return Task.CompletedTask;
            }, (context, policies));
            return next(context);
        });
        return app;
    }

    private sealed class Policies(SecurityHeadersOptions options, bool hsts)
    {
        private readonly string common = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            $"img-src {string.Join(' ', ["'self'", "data:", "blob:", .. options.ImageOrigins])}",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

        private readonly string wallAncestors = options.WallFrameAncestors.Count == 0 ? "'none'" : string.Join(' ', options.WallFrameAncestors);

        public void Apply(HttpContext context)
        {
            var request = context.Request;
            var headers = context.Response.Headers;
            var isWall = request.Path.Equals(WallPath, StringComparison.OrdinalIgnoreCase);
            var ancestors = isWall ? wallAncestors : "'none'";
            headers.ContentSecurityPolicy = $"{common}; connect-src {ConnectSources(request)}; frame-ancestors {ancestors}";
            if (ancestors == "'none'")
            {
                headers.XFrameOptions = "DENY";
            }
            else
            {
                headers.Remove("X-Frame-Options");
            }

            headers.XContentTypeOptions = "nosniff";
            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }

            if (hsts && request.IsHttps)
            {
                headers.StrictTransportSecurity = HstsValue;
            }
        }

        // 'self' covers ws/wss to the same host in current browsers; the explicit ws:// and wss:// sources are for those that
        // predate CSP 3. The host comes from the request, so only a plain host[:port] is echoed.
        private static string ConnectSources(HttpRequest request)
        {
            var host = request.Host.Value;
            return host is { Length: > 0 and <= 255 } && PlainHost().IsMatch(host)
                ? $"'self' ws://{host} wss://{host}"
                : "'self'";
        }
    }

    private static IReadOnlyList<string> Split(string? value) =>
        value?.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static bool IsSource(string source) =>
        source == "'self'" || (Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http"
            && uri.GetLeftPart(UriPartial.Authority).Equals(source.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The origin of a Leaflet tile URL template, with a <c>{s}</c> subdomain turned into <c>*</c>:
    /// <c>https://t{s}.tianditu.gov.cn/img_w/wmts?…</c> → <c>https://*.tianditu.gov.cn</c>.</summary>
    internal static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }

        var match = TileUrlOrigin().Match(tileUrl.Trim());
        if (!match.Success)
        {
            return null;
        }

        var labels = match.Groups["host"].Value.Split('.');
        var host = string.Join('.', labels.Select(label => label.Contains('{', StringComparison.Ordinal) ? "*" : label));
        return $"{match.Groups["scheme"].Value}://{host}{match.Groups["port"].Value}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainHost();

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[A-Za-z0-9.\-{}]+)(?<port>:\d{1,5})?(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TileUrlOrigin();
}
