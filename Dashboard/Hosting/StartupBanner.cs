using Dashboard.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dashboard.Hosting;

/// <summary>Prints where the dashboard listens and, on demo data, the demo accounts, once the server is up.</summary>
internal sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, DemoMode demoMode) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var output = Console.Out;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        output.WriteLine();
        output.WriteLine("企业服务指挥中心 / Enterprise Service Command Centre");
        foreach (var address in addresses)
        {
            output.WriteLine($"  Listening on: {address}");
        }

        if (demoMode.IsActive)
        {
            output.WriteLine($"  Demo data. Demo accounts (password: {DemoAccounts.Password}):");
            foreach (var account in demoMode.Accounts)
            {
                output.WriteLine($"    {account.UserName,-12} {account.Role,-11} {account.DisplayName}");
            }
        }

        output.WriteLine();
    }
}
