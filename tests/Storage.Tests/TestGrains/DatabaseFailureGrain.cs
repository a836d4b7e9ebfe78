using Orleans;

namespace Storage.Tests.TestGrains;

/// <summary>A grain whose database work fails, for the tests of what a caller outside the silo is told.</summary>
[Alias("storage-tests.IDatabaseFailureGrain")]
public interface IDatabaseFailureGrain : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="sql"/> on a connection of the silo's data source.</summary>
    Task Run(string sql);
}

/// <summary>A grain whose activation loses its database connection, as one does that reads its state while PostgreSQL restarts.</summary>
[Alias("storage-tests.IDatabaseFailureOnActivationGrain")]
public interface IDatabaseFailureOnActivationGrain : IGrainWithStringKey
{
    Task Ping();
}

[GrainType("storage-tests-database-failure")]
internal sealed class DatabaseFailureGrain(IDatabase database) : Grain, IDatabaseFailureGrain
{
    public Task Run(string sql) => DatabaseFailure.RunAsync(database, sql);
}

[GrainType("storage-tests-database-failure-on-activation")]
internal sealed class DatabaseFailureOnActivationGrain(IDatabase database) : Grain, IDatabaseFailureOnActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) => DatabaseFailure.RunAsync(database, DatabaseFailure.TerminateOwnConnection);

    public Task Ping() => Task.CompletedTask;
}

internal static class DatabaseFailure
{
    /// <summary>What a fast restart does to every open connection: FATAL 57P01, "terminating connection due to administrator command".</summary>
    public const string TerminateOwnConnection = "SELECT pg_terminate_backend(pg_backend_pid())";

    public static async Task RunAsync(IDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
