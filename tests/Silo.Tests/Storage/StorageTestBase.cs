using Silo.Storage;
using Silo.Tests.Infrastructure;

namespace Silo.Tests.Storage;

/// <summary>Gives each test its own empty database of the subclass's provider, with the silo schema applied
/// unless the subclass says otherwise.</summary>
public abstract class StorageTestBase(DatabaseProvider provider, bool applySchema = true) : IAsyncLifetime
{
    private TestDatabase? database;

    protected DatabaseProvider Provider { get; } = provider;

    protected TestDatabase Db => database ?? throw new InvalidOperationException("The test database is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider);
        if (applySchema)
        {
            await database.InitializeSchemaAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
