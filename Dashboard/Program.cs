using Dashboard.Appeals;
using Dashboard.Geography;
using Dashboard.Hosting;
using Dashboard.Http;
using Dashboard.Towns;
using Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultListenUrl("http://127.0.0.1:5080");
builder.AddOrleans();
builder.AddDashboardAuth();
builder.AddDashboardLocalization();
builder.AddLiveUpdates();
builder.AddWall();
builder.AddDashboardUi();
builder.AddTownCentre();
builder.AddAppealWorkbench();
builder.AddFieldPages();
builder.AddEnterpriseDirectory();
builder.AddGeography();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDashboardErrorHandling();
app.UseStaticFiles();
app.UseGrainKeyGuard();
app.UseDashboardLocalization();
app.UseAuthentication();
app.UseRateLimiter();
app.UseWallTokens();
app.UseAuthorization();
app.UseEvidenceUploadLimit();
app.UseFormGuard();
app.UseAntiforgery();

app.MapDashboard();
app.MapLiveUpdates();
app.MapWall();
app.MapTownCentre();
app.MapAppealWorkbench();
app.MapAppealApi();
app.MapEnterpriseDirectory();
app.MapGeography();

return await app.RunOrExplainAsync("企业服务指挥中心");
