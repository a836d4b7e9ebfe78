using System.Collections.Concurrent;
using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Field;

/// <summary>A forged town in the directory's link is not only refused but written to the log, with who tried it.</summary>
public sealed class EnterpriseDirectoryRefusalLogTests
{
    [Fact]
    public async Task Directory_TownOperatorForgedTown_WarningNamesUserAndTowns()
    {
        // Arrange
        var log = new CapturedLog();
        await using var factory = DashboardFactory.WithServices(services => services.AddSingleton<ILoggerProvider>(log));
        using var client = factory.CreateClient(new CookieContainer());
        await factory.Services.GetRequiredService<UserStore>()
            .CreateAsync("forging-operator", "测试镇街", DashboardRoles.Town, "town-own", isDemo: false, "forge-test-2026", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("forging-operator", "forge-test-2026")).StatusCode);

        // Act
        using var response = await client.GetAsync("/enterprises?town=town-other");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var warning = Assert.Single(log.Warnings, m => m.Contains("/enterprises", StringComparison.Ordinal));
        Assert.Contains("forging-operator", warning, StringComparison.Ordinal);
        Assert.Contains("town town-other by the operator of town-own", warning, StringComparison.Ordinal);
    }

    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
