using Dashboard.Auth;
using Dashboard.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Hosting;

internal static class AuthExtensions
{
    /// <summary>Cookie sign-in against the users table, one policy per role, antiforgery, demo accounts; sign-in throttling
    /// (per address and per account), sessions that end on sign-out on every process, the security-event log and the
    /// security headers.</summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.SectionName));
        services.AddOptions<AccountSecurityOptions>().Bind(builder.Configuration.GetSection(AccountSecurityOptions.SectionName))
            .Validate(o => o.IsValid(), "Dashboard:SignIn: MaxFailures, AddressPermitLimit ≥ 1, windows and LockoutDuration > 0, PasswordMinLength 8–128.")
            .ValidateOnStart();
        services.AddOptions<SessionCheckOptions>().Bind(builder.Configuration.GetSection(SessionCheckOptions.SectionName))
            .Validate(o => o.IsValid(), "Dashboard:Sessions: StampCacheDuration 0–60 s, ConnectionCheckInterval 0.1–60 s.")
            .ValidateOnStart();
        services.AddSingleton<DashboardCookieEvents>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = ".CommandCentre.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (directly, or through a proxy with forwarded headers enabled).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/signin";
                options.LogoutPath = "/account/signout";
                options.AccessDeniedPath = "/access-denied";
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.EventsType = typeof(DashboardCookieEvents);
            });
        services.AddAuthorization(options =>
        {
            // Signed-in by default (fallback policy): an endpoint is public only when it says [AllowAnonymous].
            DashboardPolicies.AddRolePolicies(options);
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".CommandCentre.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The security headers deny framing on every response; antiforgery's own SAMEORIGIN would contradict them.
            options.SuppressXFrameOptionsHeader = true;
        });
        // One key ring for every Dashboard process of the deployment, in its database.
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddDataProtection().SetApplicationName("commandcentre");
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((options, store) => options.XmlRepository = store);

        services.TryAddSingleton<IPasswordHasher<DashboardUser>, PasswordHasher<DashboardUser>>();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AccountSignIn>();
        services.AddSingleton<SecurityEventLog>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<UserHubConnections>();
        services.AddSingleton<LiveSessionHubFilter>();
        // The live hub only (Blazor's circuits keep their principal in the authentication state, revalidated above). AddSignalR
        // is idempotent; its AddHubOptions is what makes the hub use options of its own.
        services.AddSignalR().AddHubOptions<Live.LiveHub>(options => options.AddFilter<LiveSessionHubFilter>());
        services.AddSingleton<LiveSessionWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveSessionWatch>());
        services.AddSignInRateLimit();
        builder.AddSecurityHeaders();
        services.AddHostedService<DemoAccounts>();
        return builder;
    }
}
