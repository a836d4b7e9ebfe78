using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Silo.Runtime;

/// <summary>The object a caller holds for a grain interface: turns interface calls into requests.</summary>
/// <remarks>Orleans generates these classes at build time; here <see cref="DispatchProxy"/> builds them at
/// run time and each method is compiled once (<see cref="GrainMethod"/>).</remarks>
internal class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, FrozenDictionary<MethodInfo, GrainMethod>> s_methods = new();

    private GrainReference? _reference;
    private FrozenDictionary<MethodInfo, GrainMethod>? _grainMethods;

    public static TGrainInterface Create<TGrainInterface>(GrainReference reference)
    {
        var proxy = Create<TGrainInterface, GrainProxy>();
        var grainProxy = (GrainProxy)(object)proxy!;
        grainProxy._reference = reference;
        grainProxy._grainMethods = s_methods.GetOrAdd(typeof(TGrainInterface), BuildMethods);
        return proxy;
    }

    public override bool Equals(object? obj) => obj is GrainProxy other && other._reference?.GrainId == _reference?.GrainId;

    public override int GetHashCode() => _reference?.GrainId.GetHashCode() ?? 0;

    public override string ToString() => $"GrainReference:{_reference?.GrainId}";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var reference = _reference ?? throw new InvalidOperationException("Grain proxy used before it was bound.");
        if (targetMethod is null || _grainMethods is null || !_grainMethods.TryGetValue(targetMethod, out var method))
        {
            throw new NotSupportedException($"{targetMethod?.Name} is not a grain method of {reference.GrainId}.");
        }

        return method.Invoke(reference, args);
    }

    private static FrozenDictionary<MethodInfo, GrainMethod> BuildMethods(Type grainInterface) =>
        grainInterface.GetInterfaces().Append(grainInterface)
            .SelectMany(i => i.GetMethods())
            .ToFrozenDictionary(m => m, GrainMethod.Create);
}
