namespace Dashboard.Wall;

/// <summary>A kiosk wall token as stored (the secret itself is never stored, only its SHA-256).</summary>
public sealed record WallToken(
    string Id, string Label, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>A token just created: the secret, shown to the admin once, and its stored record.</summary>
public sealed record IssuedWallToken(WallToken Token, string Secret);
