using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Storage;

namespace Dashboard.Wall;

/// <summary>Kiosk wall tokens in the <c>wall_tokens</c> table. A token is 256 random bits; only its
/// SHA-256 is stored (a slow password hash buys nothing for a secret that cannot be guessed), so the
/// table does not let anyone open a wall.</summary>
internal sealed class WallTokenStore(IDatabase database, TimeProvider clock)
{
    private const string Columns = "id, label, created_by, created_at, expires_at, revoked_at, last_used_at, redeemed_at";

    public async Task<IssuedWallToken> CreateAsync(string label, string createdBy, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new WallToken(Guid.NewGuid().ToString("N"), label.Trim(), createdBy, clock.GetUtcNow(), expiresAt.ToUniversalTime(), null, null);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO wall_tokens (id, label, token_hash, created_by, created_at, expires_at)
            VALUES (@id, @label, @token_hash, @created_by, @created_at, @expires_at)
            """;
        command.With("@id", token.Id);
        command.With("@label", token.Label);
        command.With("@token_hash", Hash(secret));
        command.With("@created_by", token.CreatedBy);
        command.With("@created_at", token.CreatedAt);
        command.With("@expires_at", token.ExpiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new IssuedWallToken(token, secret);
    }

    /// <summary>Opens a kiosk with the link's secret, once: the first redemption of an active token marks it redeemed (one
    /// atomic update, so two kiosks racing with the same link cannot both win); a later one is refused as
    /// <see cref="WallTokenRedemptionStatus.AlreadyRedeemed"/>, unless it comes from the kiosk that redeemed it
    /// (<paramref name="kioskTokenId"/>: the token its cookie was signed in with), which simply carries on. Forged, revoked
    /// and expired secrets are all <see cref="WallTokenRedemptionStatus.Invalid"/>, so that the caller cannot leak which.</summary>
    public async Task<WallTokenRedemption> RedeemAsync(string? secret, string? kioskTokenId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return WallTokenRedemption.Invalid;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.CommandText = $"SELECT {Columns} FROM wall_tokens WHERE token_hash = @token_hash";
        find.With("@token_hash", Hash(secret));
        WallToken? token;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            token = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }

        var now = clock.GetUtcNow();
        if (token is null || !token.IsActiveAt(now))
        {
            return WallTokenRedemption.Invalid;
        }

        var sameKiosk = string.Equals(token.Id, kioskTokenId, StringComparison.Ordinal);
        await using var redeem = connection.CreateCommand();
        redeem.CommandText = sameKiosk
            ? "UPDATE wall_tokens SET last_used_at = @now WHERE id = @id AND revoked_at IS NULL"
            : "UPDATE wall_tokens SET last_used_at = @now, redeemed_at = @now WHERE id = @id AND revoked_at IS NULL AND redeemed_at IS NULL";
        redeem.With("@now", now);
        redeem.With("@id", token.Id);
        if (await redeem.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return new(WallTokenRedemptionStatus.Redeemed, token with { LastUsedAt = now, RedeemedAt = token.RedeemedAt ?? now });
        }

        return new(WallTokenRedemptionStatus.AlreadyRedeemed, token);
    }

    /// <summary>Whether the signed-in kiosk's token still counts (not revoked, not expired).</summary>
    public async Task<bool> IsActiveAsync(string tokenId, CancellationToken cancellationToken) =>
        await FindAsync(tokenId, cancellationToken) is { } token && token.IsActiveAt(clock.GetUtcNow());

    public async Task<WallToken?> FindAsync(string tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM wall_tokens WHERE id = @id";
        command.With("@id", tokenId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Which of these tokens are active now (neither revoked nor expired nor deleted).</summary>
    public async Task<IReadOnlySet<string>> ActiveIdsAsync(IReadOnlyCollection<string> tokenIds, CancellationToken cancellationToken)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        if (tokenIds.Count == 0)
        {
            return active;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var chunk in tokenIds.Chunk(200))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM wall_tokens WHERE id IN ({string.Join(", ", chunk.Select((_, i) => $"@id{i}"))})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.With($"@id{i}", chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Read(reader) is { } token && token.IsActiveAt(now))
                {
                    active.Add(token.Id);
                }
            }
        }

        return active;
    }

    /// <summary>Every token, newest first (no secrets: they are not stored).</summary>
    public async Task<IReadOnlyList<WallToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM wall_tokens ORDER BY created_at DESC, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<WallToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(Read(reader));
        }

        return tokens;
    }

    /// <summary>Revokes the token; false when it does not exist or was already revoked.</summary>
    public async Task<bool> RevokeAsync(string tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE wall_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL";
        command.With("@now", clock.GetUtcNow());
        command.With("@id", tokenId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static WallToken Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6))
    {
        RedeemedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
    };
}
