using Storage;

namespace Silo.Hosting;

/// <summary>The ADO.NET invariant names Orleans' providers load their driver by.</summary>
internal static class AdoNetInvariants
{
    /// <summary>Orleans maps "System.Data.SQLite" to Microsoft.Data.Sqlite's factory; "Microsoft.Data.Sqlite" itself is not
    /// among its known invariants and fails at start-up.</summary>
    public static string Of(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "System.Data.SQLite",
        DatabaseProvider.Postgres => "Npgsql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}
