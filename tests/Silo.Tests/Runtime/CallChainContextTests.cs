using Silo.Runtime;
using Silo.Storage;
using Silo.Tests.Infrastructure;
using Silo.Tests.TestGrains;

namespace Silo.Tests.Runtime;

/// <summary>Regression: a call that runs inline on the caller's thread must not leave the grain in the
/// caller's call chain, or the caller's next call to that busy grain would look like a cycle.</summary>
public sealed class CallChainContextTests
{
    [Fact]
    public async Task Call_RunInlineWithExecutionContextFlowSuppressed_LeavesCallerChainEmpty()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var silo = await TestSilo.StartAsync(database.Options);
        var grain = silo.Grains.GetGrain<ISequenceGrain>(Guid.NewGuid());
        await grain.Append(0);

        // With flow suppressed a Task captures no context, so nothing restores the caller's afterwards.
        Task call = Task.CompletedTask;
        string? chainAfterCall = "not run";
        var thread = new Thread(() =>
        {
            using (ExecutionContext.SuppressFlow())
            {
                call = grain.Append(1);
                chainAfterCall = CallChain.Current?.GrainId.ToString();
            }
        });
        thread.Start();
        thread.Join();
        await call;

        Assert.Null(chainAfterCall);
    }
}
