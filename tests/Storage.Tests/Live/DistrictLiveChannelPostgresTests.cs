namespace Storage.Tests.Live;

public sealed class DistrictLiveChannelPostgresTests() : DistrictLiveChannelTests(DatabaseProvider.Postgres);
