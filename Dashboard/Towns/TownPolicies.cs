using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Towns;

/// <summary>Authorization policies of the town-centre pages and endpoints; the town comes from the route value
/// <see cref="RouteKey"/>, so the scope is checked by the authorization middleware before any data is read.</summary>
public static class TownPolicies
{
    /// <summary>The route value that names the town.</summary>
    public const string RouteKey = "code";

    /// <summary>Any role with a town list (the /towns index).</summary>
    public const string Towns = "towns";

    /// <summary>May see the town in the route.</summary>
    public const string ViewTown = "town.view";

    /// <summary>May assign officials in the town in the route.</summary>
    public const string AssignInTown = "town.assign";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Towns, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => TownAccess.MayOpenTowns(c.User)));
        options.AddPolicy(ViewTown, policy => policy.RequireAuthenticatedUser().AddRequirements(new TownScopeRequirement(Assign: false)));
        options.AddPolicy(AssignInTown, policy => policy.RequireAuthenticatedUser().AddRequirements(new TownScopeRequirement(Assign: true)));
    }
}
