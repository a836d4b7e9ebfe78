using System.Globalization;
using Npgsql;
using TestInfrastructure;

namespace Bench.Cluster;

/// <summary>A silo of the local cluster and its ports, kept across restarts (as a container keeps its address).</summary>
internal sealed record ClusterSilo(ClusterNode Node, int SiloPort, int GatewayPort)
{
    /// <summary>The membership generation of its current (or last) incarnation; 0 before it first joined.</summary>
    public int Generation { get; set; }
}

/// <summary>docker/compose.yaml as processes on 127.0.0.1: two silos (<c>dotnet Silo.dll</c>, ADO.NET clustering, the demo
/// district seeded by the first) and one Dashboard (<c>dotnet Dashboard.dll</c>, an Orleans client of the silos, demo
/// accounts on), on a database of their own in the benchmark's PostgreSQL. Readiness is read where it is decided: a silo is
/// up when Orleans' membership table says Active, the Dashboard when /signin answers.</summary>
internal sealed class LocalCluster : IDisposable
{
    private const string ClusterId = "commandcentre";
    private const int Active = 3;
    private const int Dead = 6;

    private readonly NpgsqlDataSource database;

    private LocalCluster(NpgsqlDataSource database, ClusterSilo silo1, ClusterSilo silo2, ClusterNode dashboard, Uri dashboardAddress, string logDirectory)
    {
        this.database = database;
        (Silo1, Silo2, Dashboard, DashboardAddress, LogDirectory) = (silo1, silo2, dashboard, dashboardAddress, logDirectory);
    }

    public ClusterSilo Silo1 { get; }

    public ClusterSilo Silo2 { get; }

    public ClusterNode Dashboard { get; }

    public Uri DashboardAddress { get; }

    public string ConnectionString => database.ConnectionString;

    /// <summary>Where the processes' logs go (and the benchmark's own findings, kept after the run).</summary>
    public string LogDirectory { get; }

    /// <summary>Creates the cluster's database and the three processes (none started yet).</summary>
    public static async Task<LocalCluster> CreateAsync(string adminConnection, string repositoryRoot, string logDirectory)
    {
        var connection = new NpgsqlConnectionStringBuilder(adminConnection) { Database = $"cluster_bench_{Guid.NewGuid():N}"[..23] };
        await using (var admin = NpgsqlDataSource.Create(adminConnection))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {connection.Database}");
            await create.ExecuteNonQueryAsync();
        }

        var shared = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = connection.ConnectionString,
            ["Silo__Clustering"] = "AdoNet",
            ["Silo__AdvertisedAddress"] = "127.0.0.1",
            // PostgreSQL silos refuse to start without the appeal chain's key; one random key for this run, the same on every node.
            ["Integrity__Keys__bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // One timestamped line per entry, and membership changes (suspicions, deaths) in the logs.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
        };
        ClusterSilo Silo(string name, bool seed)
        {
            var (siloPort, gatewayPort) = (TestSiloHost.FreePort(), TestSiloHost.FreePort());
            var environment = new Dictionary<string, string>(shared)
            {
                ["Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
                ["Domain__SeedDemoDistrict"] = seed ? "true" : "false",
            };
            var dll = Path.Combine(repositoryRoot, "Silo", "bin", "Release", "net10.0", "Silo.dll");
            return new ClusterSilo(new ClusterNode(name, dll, environment, [], Path.Combine(logDirectory, $"{name}.log")), siloPort, gatewayPort);
        }

        var address = new Uri($"http://127.0.0.1:{TestSiloHost.FreePort()}");
        var dashboardEnvironment = new Dictionary<string, string>(shared)
        {
            ["Dashboard__Orleans"] = "Client",
            ["Dashboard__DemoAccounts"] = "true",
            // Every load client signs in from 127.0.0.1: the per-address sign-in limit is for people, not for the load generator.
            ["Dashboard__SignIn__AddressPermitLimit"] = "100000",
        };
        var dashboard = new ClusterNode("dashboard", Path.Combine(repositoryRoot, "Dashboard", "bin", "Release", "net10.0", "Dashboard.dll"),
            dashboardEnvironment, ["--urls", address.ToString().TrimEnd('/')], Path.Combine(logDirectory, "dashboard.log"));
        return new LocalCluster(NpgsqlDataSource.Create(connection.ConnectionString), Silo("silo1", seed: true), Silo("silo2", seed: false), dashboard, address,
            logDirectory);
    }

    public ClusterSilo? SiloAt(int? port) => port == Silo1.SiloPort ? Silo1 : port == Silo2.SiloPort ? Silo2 : null;

    /// <summary>Waits until a new incarnation of the silo is Active in Orleans' membership table; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilActiveAsync(ClusterSilo silo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var after = silo.Generation;
        var (row, waited) = await Poll.UntilAsync($"{silo.Node.Name} to be Active in OrleansMembershipTable (port {silo.SiloPort})", silo.Node, timeout,
            async () => (await MembershipAsync(cancellationToken)).FirstOrDefault(r => r.Port == silo.SiloPort && r.Generation > after && r.Status == Active),
            cancellationToken);
        silo.Generation = row.Generation;
        return waited;
    }

    /// <summary>Waits until the cluster has declared the silo's current incarnation Dead; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilDeclaredDeadAsync(ClusterSilo silo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (_, waited) = await Poll.UntilAsync($"the cluster to declare {silo.Node.Name} (generation {silo.Generation}) Dead in OrleansMembershipTable", null, timeout,
            async () => (await MembershipAsync(cancellationToken)).FirstOrDefault(r => r.Port == silo.SiloPort && r.Generation == silo.Generation && r.Status == Dead),
            cancellationToken);
        return waited;
    }

    /// <summary>Waits until the Dashboard answers its sign-in page.</summary>
    public Task WaitUntilDashboardAnswersAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Poll.UntilDashboardAnswersAsync(DashboardAddress, Dashboard, timeout, cancellationToken);

    /// <summary>Fails the run when the Dashboard is gone: the benchmark never kills it before the end, so that is a crash.</summary>
    public void RequireDashboard()
    {
        if (Dashboard.HasExited)
        {
            throw new InvalidOperationException($"The Dashboard is no longer running; end of {Dashboard.LogPath}:\n{Dashboard.Tail(30)}");
        }
    }

    /// <summary>Credit codes of the demo district's enterprises (the read model the demo loader filled).</summary>
    public async Task<IReadOnlyList<string>> EnterprisesAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT credit_code FROM rm_enterprises ORDER BY credit_code LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    /// <summary>The id of one appeal the demo loader wrote, or null while there is none.</summary>
    public async Task<string?> AnySeededAppealAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT id FROM rm_appeals ORDER BY id LIMIT 1");
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>Kills every process of the cluster; safe from any thread and more than once.</summary>
    public void KillAll()
    {
        Dashboard.Kill();
        Silo1.Node.Kill();
        Silo2.Node.Kill();
    }

    public void Dispose()
    {
        Dashboard.Dispose();
        Silo1.Node.Dispose();
        Silo2.Node.Dispose();
        database.Dispose();
    }

    private async Task<IReadOnlyList<MembershipRow>> MembershipAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = ClusterId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<MembershipRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
            }

            return rows;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The first silo has not created Orleans' tables yet.
            return [];
        }
        catch (NpgsqlException exception) when (exception.IsTransient || exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown })
        {
            // PostgreSQL is restarting (chaos), or a pooled connection was cut by a restart: the poll asks again.
            return [];
        }
    }

    private sealed record MembershipRow(int Port, int Generation, int Status);
}
