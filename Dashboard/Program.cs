using Dashboard.Hosting;
using Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultListenUrl("http://127.0.0.1:5080");
builder.AddSilo(GrainAssemblies.All);
builder.AddDomain();
builder.AddDashboardStorage();
builder.AddDashboardAuth();
builder.AddDashboardLocalization();
builder.AddLiveUpdates();
builder.AddDashboardUi();
builder.AddFieldPages();

var app = builder.Build();

app.UseDashboardErrorHandling();
app.UseStaticFiles();
app.UseDashboardLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDashboard();
app.MapLiveUpdates();

return app.RunOrExplain();
