using Orleans;
using Orleans.Runtime;

namespace Silo.Hosting;

/// <summary>A grain key that no entity of the domain can have (empty, blank, or longer than <see cref="GrainKeyGuard.MaxLength"/>).</summary>
public sealed class InvalidGrainKeyException(string message) : ArgumentException(message);

/// <summary>Refuses a call to a grain whose key no entity can have before the call leaves the caller, so a made-up or
/// oversized key from a request never activates a grain anywhere in the cluster. Every process of the cluster (silos and
/// Dashboard clients) has it, so it guards every call site at once.</summary>
public sealed class GrainKeyGuard : IOutgoingGrainCallFilter
{
    /// <summary>Longer than any code, id or key of the domain (credit codes are 18 characters, appeal ids about 20).</summary>
    public const int MaxLength = 128;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var id = context.TargetId;
        if (!id.IsClient() && !id.IsSystemTarget() && id.Key.ToString() is var key && !IsValid(key))
        {
            throw new InvalidGrainKeyException(
                $"Refused a call to grain type {id.Type}: its key is {(key.Length == 0 ? "empty" : key.Length > MaxLength ? $"{key.Length} characters long (at most {MaxLength})" : "blank")}.");
        }

        return context.Invoke();
    }

    private static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && !string.IsNullOrWhiteSpace(key);
}
