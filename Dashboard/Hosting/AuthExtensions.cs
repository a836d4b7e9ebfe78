using Dashboard.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Hosting;

internal static class AuthExtensions
{
    /// <summary>Cookie sign-in against the users table, one policy per role, antiforgery, demo accounts.</summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.SectionName));
        services.AddSingleton<DashboardCookieEvents>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = ".CommandCentre.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
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
        services.AddAntiforgery(options => options.Cookie.Name = ".CommandCentre.Antiforgery");
        // One key ring for every Dashboard process of the deployment, in its database.
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddDataProtection().SetApplicationName("commandcentre");
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((options, store) => options.XmlRepository = store);
        services.AddHostedService<DemoAccounts>();
        return builder;
    }
}
