using System.Net;
using Dashboard.Auth;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Storage;
using TestInfrastructure.Fuzz;
using Xunit.Abstractions;

namespace Dashboard.Tests.Fuzz;

/// <summary>CI's sample of tests/bench.sh fuzz: a few hundred generated hostile posts to every form and API call the demo
/// roles and an anonymous visitor can reach, on the embedded SQLite default with the demo district.</summary>
public sealed class FuzzSampleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261129;
    private const int Requests = 400;

    private readonly DashboardFactory factory = DashboardFactory.WithDemoDistrict();

    public async Task InitializeAsync() => await factory.WaitForDemoDistrictAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Generated_hostile_posts_get_no_5xx_and_a_refused_post_stores_nothing()
    {
        // Arrange
        using var sessions = await FuzzSessions.SignInAsync(() => factory.CreateClient(new CookieContainer()), DashboardRoles.All, DemoAccounts.Password);
        await sessions.DiscoverAsync(CancellationToken.None);
        var generator = new FuzzGenerator(Seed, sessions.Targets, sessions.Tokens);
        var database = factory.Services.GetRequiredService<IDatabase>().DataSource;

        // Act
        var report = await FuzzRunner.RunAsync(generator, sessions, Enumerable.Range(0, Requests), TimeSpan.MaxValue,
            token => FuzzFingerprint.ReadAsync(database, token), null, CancellationToken.None);

        // Assert
        output.WriteLine($"seed {Seed}: {report.Requests} posts to {sessions.Targets.Count} targets; statuses {string.Join(", ", report.ByStatus.Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.True(sessions.Targets.Select(t => t.Role).Distinct().Count() == DashboardRoles.All.Count + 1, "every role and the anonymous visitor have targets");
        Assert.Equal(Requests, report.Requests);
        Assert.Empty(report.NoAnswer.Select(Describe));
        Assert.Empty(report.ServerErrors.Select(Describe));
        Assert.Empty(report.HalfStored.Select(Describe));
    }

    private static string Describe(FuzzOutcome outcome) => $"{outcome.Status} {outcome.Request.Describe()} {outcome.Failure}";
}
