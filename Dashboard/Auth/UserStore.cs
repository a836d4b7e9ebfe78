using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Storage;

namespace Dashboard.Auth;

/// <summary>Reads and writes dashboard accounts in the <c>users</c> table and checks passwords
/// with ASP.NET Core Identity's password hasher (PBKDF2).</summary>
internal sealed class UserStore(IDatabase database, TimeProvider clock, IPasswordHasher<DashboardUser> hasher)
{
    private const string Columns = "user_name, display_name, role, scope, is_demo, password_hash, security_stamp";

    /// <summary>The longest user name looked up or recorded; longer input is cut, never stored whole.</summary>
    public const int MaxUserNameLength = 64;

    // An unknown user name is checked against this hash, so that it costs the same PBKDF2 work as a known one and the
    // answer's timing does not tell which names exist.
    private readonly Lazy<string> dummyHash = new(() => hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));

    private static readonly DashboardUser Nobody = new("", "", DashboardRoles.Leader, null, false, "");

    public async Task<DashboardUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, $"SELECT {Columns} FROM users WHERE user_name = @user_name")
            .With("@user_name", Normalize(userName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The account when the password is right; null for an unknown name or a wrong password
    /// (the caller cannot tell which, so neither can an attacker: both run the hasher once).</summary>
    public async Task<DashboardUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(userName, cancellationToken);
        if (account is null)
        {
            hasher.VerifyHashedPassword(Nobody, dummyHash.Value, password);
            return null;
        }

        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return result == PasswordVerificationResult.Failed ? null : account;
    }

    public async Task CreateAsync(string userName, string displayName, string role, string? scope, bool isDemo, string password, CancellationToken cancellationToken)
    {
        if (!DashboardRoles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var account = new DashboardUser(Normalize(userName), displayName, role, scope, isDemo, PasswordHash: "") { SecurityStamp = NewStamp() };
        account = account with { PasswordHash = hasher.HashPassword(account, password) };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, """
            INSERT INTO users (user_name, display_name, password_hash, role, scope, is_demo, created_at, security_stamp)
            VALUES (@user_name, @display_name, @password_hash, @role, @scope, @is_demo, @created_at, @security_stamp)
            """)
            .With("@user_name", account.UserName)
            .With("@display_name", account.DisplayName)
            .With("@password_hash", account.PasswordHash)
            .With("@role", account.Role)
            .With("@scope", account.Scope)
            .With("@is_demo", account.IsDemo)
            .With("@created_at", clock.GetUtcNow())
            .With("@security_stamp", account.SecurityStamp);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets a new password and a new security stamp (every session of the account ends); returns the account as
    /// stored now, or null when it does not exist.</summary>
    public async Task<DashboardUser?> ChangePasswordAsync(string userName, string newPassword, CancellationToken cancellationToken)
    {
        if (await FindAsync(userName, cancellationToken) is not { } account)
        {
            return null;
        }

        account = account with { PasswordHash = hasher.HashPassword(account, newPassword), SecurityStamp = NewStamp() };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection,
            "UPDATE users SET password_hash = @password_hash, security_stamp = @security_stamp WHERE user_name = @user_name")
            .With("@password_hash", account.PasswordHash)
            .With("@security_stamp", account.SecurityStamp)
            .With("@user_name", account.UserName);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? account : null;
    }

    /// <summary>Gives the account a new security stamp, which ends every session it has; returns the new stamp, or null when
    /// the account does not exist.</summary>
    public async Task<string?> RotateSecurityStampAsync(string userName, CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, "UPDATE users SET security_stamp = @security_stamp WHERE user_name = @user_name")
            .With("@security_stamp", stamp)
            .With("@user_name", Normalize(userName));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? stamp : null;
    }

    /// <summary>The current security stamps of these accounts (an account that does not exist is left out).</summary>
    public Task<IReadOnlyDictionary<string, string>> SecurityStampsAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken) =>
        ColumnByUserAsync(userNames, "security_stamp", cancellationToken);

    /// <summary>The display names of those of <paramref name="userNames"/> that are accounts (others, such as "system", are absent).</summary>
    public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken) =>
        ColumnByUserAsync(userNames, "display_name", cancellationToken);

    private async Task<IReadOnlyDictionary<string, string>> ColumnByUserAsync(IReadOnlyCollection<string> userNames, string column, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (userNames.Count == 0)
        {
            return values;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in userNames.Select(Normalize).Distinct(StringComparer.Ordinal).Chunk(200))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"@n{i}"));
            await using var command = DbCommands.Create(connection, $"SELECT user_name, {column} FROM users WHERE user_name IN ({names})");
            for (var i = 0; i < chunk.Length; i++)
            {
                command.With($"@n{i}", chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return values;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, "SELECT COUNT(*) FROM users");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<IReadOnlyList<DashboardUser>> ListDemoAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, $"SELECT {Columns} FROM users WHERE is_demo = @is_demo ORDER BY user_name")
            .With("@is_demo", true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<DashboardUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    /// <summary>The form a user name is stored, looked up and counted in: trimmed, lower case, at most
    /// <see cref="MaxUserNameLength"/> characters.</summary>
    public static string Normalize(string userName)
    {
        var normalized = userName.Trim().ToLowerInvariant();
        return normalized.Length > MaxUserNameLength ? normalized[..MaxUserNameLength] : normalized;
    }

    private static string NewStamp() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static DashboardUser Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetBoolean(4),
        reader.GetString(5))
    {
        SecurityStamp = reader.GetString(6),
    };
}
