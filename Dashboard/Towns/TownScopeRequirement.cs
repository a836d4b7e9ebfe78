using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Towns;

/// <summary>The user may see (or, with <paramref name="Assign"/>, work) the town named by the route.</summary>
internal sealed record TownScopeRequirement(bool Assign) : IAuthorizationRequirement;
