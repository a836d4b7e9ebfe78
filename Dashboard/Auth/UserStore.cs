using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Storage;

namespace Dashboard.Auth;

/// <summary>Reads and writes dashboard accounts in the <c>users</c> table and checks passwords
/// with ASP.NET Core Identity's password hasher (PBKDF2).</summary>
internal sealed class UserStore(IDatabase database, TimeProvider clock)
{
    private readonly PasswordHasher<DashboardUser> hasher = new();

    public async Task<DashboardUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, display_name, role, scope, is_demo, password_hash FROM users WHERE user_name = @user_name";
        AddParameter(command, "@user_name", Normalize(userName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The account when the password is right; null for an unknown name or a wrong password
    /// (the caller cannot tell which, so neither can an attacker).</summary>
    public async Task<DashboardUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(userName, cancellationToken);
        if (account is null)
        {
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

        var account = new DashboardUser(Normalize(userName), displayName, role, scope, isDemo, PasswordHash: "");
        account = account with { PasswordHash = hasher.HashPassword(account, password) };

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO users (user_name, display_name, password_hash, role, scope, is_demo, created_at)
            VALUES (@user_name, @display_name, @password_hash, @role, @scope, @is_demo, @created_at)
            """;
        AddParameter(command, "@user_name", account.UserName);
        AddParameter(command, "@display_name", account.DisplayName);
        AddParameter(command, "@password_hash", account.PasswordHash);
        AddParameter(command, "@role", account.Role);
        AddParameter(command, "@scope", account.Scope);
        AddParameter(command, "@is_demo", account.IsDemo);
        AddParameter(command, "@created_at", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<IReadOnlyList<DashboardUser>> ListDemoAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, display_name, role, scope, is_demo, password_hash FROM users WHERE is_demo = @is_demo ORDER BY user_name";
        AddParameter(command, "@is_demo", true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<DashboardUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(Read(reader));
        }

        return accounts;
    }

    private static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    private static DashboardUser Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetBoolean(4),
        reader.GetString(5));

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
