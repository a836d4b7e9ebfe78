using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Auth;

/// <summary>Per-address throttling of sign-in posts with ASP.NET Core's rate limiter: at most
/// <see cref="AccountSecurityOptions.AddressPermitLimit"/> posts per client address (an IPv6 client by its /64 network) in a sliding
/// <see cref="AccountSecurityOptions.AddressWindow"/>, all user names together. A refused browser is sent back to the sign-in page,
/// which says how long to wait; a script gets 429 with Retry-After. Each process counts its own requests: with several
/// Dashboard processes behind a load balancer an address gets the limit on each (the per-account lockout, kept in the
/// database, is what holds across processes).</summary>
internal static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    /// <summary>The sign-in page's query parameter that carries the seconds to wait after a refusal.</summary>
    public const string ThrottledParameter = "throttled";

    /// <summary>The sign-in form's user-name field, read for the security-event log.</summary>
    public const string UserNameField = "Input.UserName";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("page");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<AccountSecurityOptions>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(AddressKey(context.Connection.RemoteIpAddress), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = settings.AddressPermitLimit,
                    Window = settings.AddressWindow,
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>The partition of a client address: IPv4 as is, IPv6 by its /64 (one subscriber's network).</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptions<AccountSecurityOptions>>().Value;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : settings.AddressWindow;
        var seconds = Math.Clamp((int)Math.Ceiling(wait.TotalSeconds), 1, 24 * 3600);
        var remote = http.Connection.RemoteIpAddress?.ToString();
        var userName = await PostedUserNameAsync(http.Request, cancellationToken);

        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimit))
            .LogWarning("Throttled sign-in for {UserName} from {RemoteIp}: more than {Limit} attempts in {Window}", userName, remote, settings.AddressPermitLimit, settings.AddressWindow);
        await http.RequestServices.GetRequiredService<SecurityEventLog>().WriteAsync(
            SecurityEventKind.SignInThrottled, userName, remote, throttled: true,
            detail: $"more than {settings.AddressPermitLimit} sign-in attempts from this address in {settings.AddressWindow}", coalesce: true);

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // Back to the form, which says how long to wait; the return URL is kept (and checked by the page).
            var returnUrl = http.Request.Query["returnUrl"].ToString();
            var query = QueryString.Create(ThrottledParameter, seconds.ToString(CultureInfo.InvariantCulture));
            if (returnUrl.Length > 0)
            {
                query = query.Add("returnUrl", returnUrl);
            }

            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path}{query}";
        }
    }

    private static async Task<string?> PostedUserNameAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentLength is null or > 16 * 1024)
        {
            return null;
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form[UserNameField].ToString() is { Length: > 0 } name ? UserStore.Normalize(name) : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }
}
