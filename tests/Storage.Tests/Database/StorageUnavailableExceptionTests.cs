using Npgsql;

namespace Storage.Tests.Database;

/// <summary>Which database failures are an outage (<see cref="StorageUnavailableException.FromConnectionFailure"/>): the caller
/// is told "the database is unavailable" with the driver's messages, never the driver's exception types.</summary>
public sealed class StorageUnavailableExceptionTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    public void FromConnectionFailure_ServerShuttingDownUnderAWrite_KeepsOnlyTheMessages(string sqlState)
    {
        var driver = new PostgresException("the database system is going away", "FATAL", "FATAL", sqlState);

        var unavailable = StorageUnavailableException.FromConnectionFailure(new InvalidOperationException("writing the state failed", driver));

        Assert.NotNull(unavailable);
        Assert.Null(unavailable.InnerException);
        Assert.Contains("the database system is going away", unavailable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConnectionFailure_ConnectionRefused_IsAnOutage()
    {
        var driver = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));

        var unavailable = StorageUnavailableException.FromConnectionFailure(driver);

        Assert.NotNull(unavailable);
        Assert.Null(unavailable.InnerException);
        Assert.StartsWith("The database is unavailable: Failed to connect", unavailable.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.DivisionByZero)]
    public void FromConnectionFailure_QueryError_IsNotAnOutage(string sqlState)
    {
        var driver = new PostgresException("a defect", "ERROR", "ERROR", sqlState);

        Assert.Null(StorageUnavailableException.FromConnectionFailure(driver));
    }
}
