using Grains.Abstractions.Departments;
using Grains.Abstractions.District;
using Grains.Abstractions.Geo;
using Grains.Abstractions.Towns;
using Orleans;

namespace Storage.Tests.Live;

/// <summary>The small district the live-channel tests publish into: one town, one department.</summary>
internal static class LiveDistrict
{
    public const string Code = "k-live";

    public const string Name = "测试区";

    public static readonly GeoPoint Centre = new(37.50, 122.12);

    public static IDistrictGrain District(this IGrainFactory grains) => grains.GetGrain<IDistrictGrain>(Code);

    public static IDistrictAdministrationGrain Administration(this IGrainFactory grains) => grains.GetGrain<IDistrictAdministrationGrain>(Code);

    /// <summary>Defines the district (it must exist before it numbers events).</summary>
    public static Task DefineAsync(IGrainFactory grains)
    {
        var town = new TownProfile($"{Code}-t1", "一号镇", Code, Centre,
            [new(37.4, 122.0), new(37.4, 122.2), new(37.6, 122.2), new(37.4, 122.0)]);
        return grains.Administration().Define(new DistrictProfile(Code, Name, Centre, IsDemo: false), [town],
            [new DepartmentProfile(DepartmentCodes.Finance, "财政局", "Finance")]);
    }

    public static string Subject(int i) => $"p-{i:000}";

    /// <summary>Events <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1, with subjects in that order.</summary>
    public static DistrictEvent[] Events(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i =>
            new DistrictEvent(DistrictEventKind.ProjectUpdated, DateTimeOffset.UtcNow, $"{Code}-t1", Subject(i), $"项目{i}", Centre)
            {
                SubjectVersion = i + 1,
            })];
}
