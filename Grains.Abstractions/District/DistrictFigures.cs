using Orleans;

namespace Grains.Abstractions.District;

/// <summary>The figures the command-centre wall shows for the district or one town, kept up to date
/// incrementally from grain events.</summary>
/// <param name="ScopeCode">The district code, or a town code for a town's figures.</param>
/// <param name="At">When these figures were last changed.</param>
/// <param name="AppealsReceived">Appeals received (受理) this year.</param>
/// <param name="AppealsClosed">Appeals closed (销号) this year, including ones carried over from earlier years.</param>
/// <param name="AppealsClosedOnTime">Appeals closed this year before their deadline.</param>
/// <param name="AppealsRated">Appeals closed this year that the enterprise rated (好差评).</param>
/// <param name="AppealsSatisfied">Of those, rated 满意 or 基本满意.</param>
/// <param name="OpenGreen">Open appeals whose light is green (on time).</param>
/// <param name="OpenYellow">Open appeals whose light is yellow (near the deadline).</param>
/// <param name="OpenRed">Open appeals whose light is red (overdue).</param>
/// <param name="Enterprises">Enterprises (市场主体) in scope.</param>
/// <param name="PackagedEnterprises">Enterprises with at least one package official (包联).</param>
/// <param name="Projects">Key projects (重点项目) in scope.</param>
/// <param name="ProjectsBehindSchedule">Key projects whose investment completion trails 时序进度.</param>
/// <param name="PlannedInvestment">Planned annual investment of the key projects, in 万元.</param>
/// <param name="CompletedInvestment">Investment completed this year, in 万元.</param>
/// <param name="ScheduleProgress">时序进度: the elapsed share of the year, 0..1.</param>
/// <param name="Year">The assessment year the appeal and investment figures belong to (the district clock's year).</param>
/// <param name="AppealsCarriedOver">Appeals received in earlier years and still open when this year began (上年结转).</param>
[GenerateSerializer, Immutable, Alias("cc.DistrictFigures")]
public sealed record DistrictFigures(
    [property: Id(0)] string ScopeCode,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int AppealsReceived,
    [property: Id(3)] int AppealsClosed,
    [property: Id(4)] int AppealsClosedOnTime,
    [property: Id(5)] int AppealsRated,
    [property: Id(6)] int AppealsSatisfied,
    [property: Id(7)] int OpenGreen,
    [property: Id(8)] int OpenYellow,
    [property: Id(9)] int OpenRed,
    [property: Id(10)] int Enterprises,
    [property: Id(11)] int PackagedEnterprises,
    [property: Id(12)] int Projects,
    [property: Id(13)] int ProjectsBehindSchedule,
    [property: Id(14)] decimal PlannedInvestment,
    [property: Id(15)] decimal CompletedInvestment,
    [property: Id(16)] double ScheduleProgress,
    [property: Id(17)] int Year = 0,
    [property: Id(18)] int AppealsCarriedOver = 0)
{
    /// <summary>办结率: closed this year ÷ the year's workload (received this year plus carried over).</summary>
    public double ClosureRate => Ratio(AppealsClosed, AppealsReceived + AppealsCarriedOver);

    /// <summary>按时办结率: closed on time ÷ closed.</summary>
    public double OnTimeRate => Ratio(AppealsClosedOnTime, AppealsClosed);

    /// <summary>满意率: satisfied ÷ rated.</summary>
    public double SatisfactionRate => Ratio(AppealsSatisfied, AppealsRated);

    /// <summary>包联覆盖率: packaged ÷ enterprises.</summary>
    public double PackagingCoverage => Ratio(PackagedEnterprises, Enterprises);

    /// <summary>投资完成率: completed ÷ planned annual investment.</summary>
    public double InvestmentCompletion => PlannedInvestment == 0 ? 0 : (double)(CompletedInvestment / PlannedInvestment);

    /// <summary>Investment completion minus 时序进度, in percentage points (positive: ahead of schedule).</summary>
    public double InvestmentLeadPoints => (InvestmentCompletion - ScheduleProgress) * 100;

    /// <summary>Open appeals of every light.</summary>
    public int OpenAppeals => OpenGreen + OpenYellow + OpenRed;

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
