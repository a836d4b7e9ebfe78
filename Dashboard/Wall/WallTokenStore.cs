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
    private const string Columns = "id, label, created_by, created_at, expires_at, revoked_at, last_used_at";

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

    /// <summary>The token whose secret this is, when it is neither revoked nor expired; else null, the
    /// same for every reason so that the caller cannot leak which. Records the use.</summary>
    public async Task<WallToken?> RedeemAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
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
            return null;
        }

        await using var used = connection.CreateCommand();
        used.CommandText = "UPDATE wall_tokens SET last_used_at = @now WHERE id = @id";
        used.With("@now", now);
        used.With("@id", token.Id);
        await used.ExecuteNonQueryAsync(cancellationToken);
        return token with { LastUsedAt = now };
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
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
}
