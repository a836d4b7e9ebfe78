namespace Dashboard.Wall;

/// <summary>A kiosk wall token as stored (the secret itself is never stored, only its SHA-256).</summary>
public sealed record WallToken(
    string Id, string Label, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>When the link opened its kiosk; a link opens one kiosk once, and that kiosk's cookie carries on from there.</summary>
    public DateTimeOffset? RedeemedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>A token just created: the secret, shown to the admin once, and its stored record.</summary>
public sealed record IssuedWallToken(WallToken Token, string Secret);

/// <summary>What opening a wall link came to.</summary>
public enum WallTokenRedemptionStatus
{
    /// <summary>The link opened this kiosk (first redemption), or this kiosk already holds it.</summary>
    Redeemed,

    /// <summary>The link already opened another kiosk (or a browser that lost its cookie): refused; the admin issues a new one.</summary>
    AlreadyRedeemed,

    /// <summary>Forged, revoked or expired: refused the same way for all three.</summary>
    Invalid,
}

/// <summary>The outcome of opening a wall link, with the token when it is known and active.</summary>
public sealed record WallTokenRedemption(WallTokenRedemptionStatus Status, WallToken? Token)
{
    public static WallTokenRedemption Invalid { get; } = new(WallTokenRedemptionStatus.Invalid, null);
}
