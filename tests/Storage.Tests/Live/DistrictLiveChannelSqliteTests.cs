namespace Storage.Tests.Live;

public sealed class DistrictLiveChannelSqliteTests() : DistrictLiveChannelTests(DatabaseProvider.Sqlite);
