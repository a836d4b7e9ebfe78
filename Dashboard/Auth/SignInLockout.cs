using Microsoft.Extensions.Options;
using Storage;

namespace Dashboard.Auth;

/// <summary>Per-account throttling: counts failed sign-ins per user name in the <c>sign_in_failures</c> table, so that every
/// Dashboard process of a deployment counts the same failures. <see cref="AccountSecurityOptions.MaxFailures"/> failures within
/// <see cref="AccountSecurityOptions.FailureWindow"/> lock the name until <see cref="AccountSecurityOptions.LockoutDuration"/> after the last one;
/// while locked, no password is checked (not even the right one) and nothing more is counted. Unknown names are counted
/// like known ones, so that a lockout does not tell which names exist. Two processes checking the same name at the same
/// instant may each let one more guess through; the count catches up at once.</summary>
internal sealed class SignInLockout(IDatabase database, TimeProvider clock, IOptions<AccountSecurityOptions> options)
{
    private static readonly TimeSpan KeepFailures = TimeSpan.FromDays(1);

    /// <summary>When the user name may try again, or null when it is not locked.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string userName, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection,
            "SELECT failed_at FROM sign_in_failures WHERE user_name = @user_name ORDER BY failed_at DESC LIMIT @limit")
            .With("@user_name", UserStore.Normalize(userName))
            .With("@limit", settings.MaxFailures);
        var recent = new List<DateTimeOffset>(settings.MaxFailures);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                recent.Add(reader.GetFieldValue<DateTimeOffset>(0));
            }
        }

        var now = clock.GetUtcNow();
        if (recent.Count < settings.MaxFailures || recent[^1] < now - settings.FailureWindow)
        {
            return null;
        }

        var until = recent[0] + settings.LockoutDuration;
        return until > now ? until : null;
    }

    /// <summary>Counts a failure; returns when the name may try again if this failure locked it, else null.</summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string userName, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var insert = DbCommands.Create(connection,
                "INSERT INTO sign_in_failures (user_name, failed_at, remote_address) VALUES (@user_name, @failed_at, @remote_address)")
                .With("@user_name", UserStore.Normalize(userName))
                .With("@failed_at", now)
                .With("@remote_address", remoteAddress);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await using var prune = DbCommands.Create(connection, "DELETE FROM sign_in_failures WHERE failed_at < @cutoff")
                .With("@cutoff", now - KeepFailures);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        return await LockedUntilAsync(userName, cancellationToken);
    }

    /// <summary>Forgets the name's failures after a successful sign-in.</summary>
    public async Task ClearAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, "DELETE FROM sign_in_failures WHERE user_name = @user_name")
            .With("@user_name", UserStore.Normalize(userName));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
