using Orleans;
using Orleans.Runtime;

namespace Silo.Hosting;

/// <summary>A grain key that no entity of the domain can have (longer than <see cref="GrainKeyGuard.MaxLength"/>).</summary>
public sealed class InvalidGrainKeyException(string message) : ArgumentException(message);

/// <summary>Refuses a call to a grain whose key no entity can have before the call leaves the caller, so a made-up or
/// oversized key from a request never activates a grain anywhere in the cluster. Every process of the cluster (silos and
/// Dashboard clients) has it, so it guards every call site at once. Calls made by grains are passed straight on: their keys
/// come from stored state, and the check would cost every internal call. (Orleans itself refuses empty and blank keys
/// when the reference is made.)</summary>
public sealed class GrainKeyGuard : IOutgoingGrainCallFilter
{
    /// <summary>Longer than any code, id or key of the domain (credit codes are 18 characters, appeal ids about 20).</summary>
    public const int MaxLength = 128;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceContext is null)
        {
            // The key's UTF-8 bytes: no domain key is longer than MaxLength characters of ASCII.
            var id = context.TargetId;
            var length = id.Key.AsSpan().Length;
            if (length > MaxLength && !id.IsClient() && !id.IsSystemTarget())
            {
                throw new InvalidGrainKeyException(
                    $"Refused a call to grain type {id.Type}: its key is {length} bytes long (at most {MaxLength}).");
            }
        }

        return context.Invoke();
    }
}
