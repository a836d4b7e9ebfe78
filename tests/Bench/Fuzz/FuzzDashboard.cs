using System.Globalization;
using Bench.Cluster;
using Npgsql;
using TestInfrastructure;
using TestInfrastructure.Fuzz;

namespace Bench.Fuzz;

/// <summary>One Dashboard process (<c>dotnet Dashboard.dll</c>, its co-hosted silo) on a database of its own in the benchmark's
/// PostgreSQL, with the demo district and demo accounts; listens on 127.0.0.1 only.</summary>
internal sealed class FuzzDashboard : IDisposable
{
    private FuzzDashboard(ClusterNode node, Uri address, NpgsqlDataSource database) => (Node, Address, Database) = (node, address, database);

    public ClusterNode Node { get; }

    public Uri Address { get; }

    public NpgsqlDataSource Database { get; }

    public static async Task<FuzzDashboard> CreateAsync(string adminConnection, string repositoryRoot, string logDirectory)
    {
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = $"fuzz_bench_{Guid.NewGuid():N}"[..20] };
        await using (var admin = NpgsqlDataSource.Create(adminConnection))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {connection.Database}");
            await create.ExecuteNonQueryAsync();
        }

        var address = new Uri($"http://127.0.0.1:{TestSiloHost.FreePort()}");
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connection.ConnectionString,
            ["Dashboard__Orleans"] = "CoHosted",
            ["Silo__SiloPort"] = TestSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = TestSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
            // PostgreSQL refuses to start without the appeal chain's key; one random key for this run.
            ["Integrity__Keys__fuzz"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Dashboard__DemoAccounts"] = "true",
            ["Domain__SeedDemoDistrict"] = "true",
            // Every session signs in from 127.0.0.1.
            ["Dashboard__SignIn__AddressPermitLimit"] = "100000",
            // One line per entry, the exception on it: the benchmark reads the cause of each 5xx from this log.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        var node = new ClusterNode("dashboard", Path.Combine(repositoryRoot, "Dashboard", "bin", "Release", "net10.0", "Dashboard.dll"),
            environment, ["--urls", address.ToString().TrimEnd('/')], Path.Combine(logDirectory, "dashboard.log"));
        return new FuzzDashboard(node, address, NpgsqlDataSource.Create(connection.ConnectionString));
    }

    /// <summary>Starts the process and waits until it answers /signin and the demo district is loaded: appeals in the read model
    /// and no grain state written for <paramref name="quiet"/> (the loader's writes are over).</summary>
    public async Task StartAsync(TimeSpan timeout, TimeSpan quiet, CancellationToken cancellationToken)
    {
        Node.Start();
        await Poll.UntilDashboardAnswersAsync(Address, Node, timeout, cancellationToken);
        var (last, since) = ("", DateTime.UtcNow);
        await Poll.UntilAsync($"the demo district to be loaded (appeals in rm_appeals, no grain write for {quiet.TotalSeconds:0} s)", Node, timeout, async () =>
        {
            var now = await FingerprintAsync(cancellationToken);
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }

            return await AppealsAsync(cancellationToken) > 0 && DateTime.UtcNow - since > quiet ? now : null;
        }, cancellationToken);
    }

    public Task<string> FingerprintAsync(CancellationToken cancellationToken) => FuzzFingerprint.ReadAsync(Database, cancellationToken);

    private async Task<long> AppealsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = Database.CreateCommand("SELECT COUNT(*) FROM rm_appeals");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        Node.Dispose();
        Database.Dispose();
    }
}
