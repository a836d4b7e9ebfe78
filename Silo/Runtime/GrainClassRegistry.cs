using System.Collections.Frozen;
using System.Reflection;

namespace Silo.Runtime;

/// <summary>Maps each grain interface to the one grain class that implements it, found by scanning
/// the grain assemblies once at start-up.</summary>
internal sealed class GrainClassRegistry
{
    private static readonly HashSet<Type> s_markerInterfaces =
    [
        typeof(IGrain), typeof(IAddressable), typeof(IGrainWithStringKey), typeof(IGrainWithGuidKey),
        typeof(IGrainWithIntegerKey), typeof(IRemindable),
    ];

    private readonly FrozenDictionary<Type, GrainClass> _byInterface;

    public GrainClassRegistry(IEnumerable<Assembly> assemblies)
    {
        var byInterface = new Dictionary<Type, GrainClass>();
        var grainTypes = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var classType in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (!classType.IsClass || classType.IsAbstract || !typeof(Grain).IsAssignableFrom(classType))
            {
                continue;
            }

            var grainClass = new GrainClass(classType);
            if (!grainTypes.TryAdd(grainClass.GrainType, classType))
            {
                throw new InvalidOperationException(
                    $"Grain classes {grainTypes[grainClass.GrainType].FullName} and {classType.FullName} share the grain type '{grainClass.GrainType}'; give one a [GrainType].");
            }

            foreach (var grainInterface in classType.GetInterfaces().Where(IsGrainInterface))
            {
                if (!byInterface.TryAdd(grainInterface, grainClass))
                {
                    throw new InvalidOperationException(
                        $"Grain interface {grainInterface.Name} is implemented by both {byInterface[grainInterface].ClassType.Name} and {classType.Name}.");
                }
            }
        }

        _byInterface = byInterface.ToFrozenDictionary();
    }

    public IEnumerable<GrainClass> GrainClasses => _byInterface.Values.Distinct();

    public GrainClass ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException(
                $"No grain class implements {grainInterface.Name}; is its assembly passed to AddSilo?");

    public GrainClass? ForGrainType(string grainType) =>
        _byInterface.Values.FirstOrDefault(c => c.GrainType == grainType);

    private static bool IsGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && !s_markerInterfaces.Contains(type);
}
