using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Silo.Runtime;

/// <summary>What the runtime knows about one grain class: its type name, reentrancy, and how to
/// construct it (services from DI, <see cref="IPersistentState{TState}"/> for [PersistentState] parameters).</summary>
internal sealed class GrainClass
{
    private static readonly MethodInfo s_createState =
        typeof(GrainClass).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;

    public GrainClass(Type classType)
    {
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultGrainType(classType);
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        var constructors = classType.GetConstructors();
        _constructor = constructors.Length == 1
            ? constructors[0]
            : throw new InvalidOperationException($"Grain class {classType.FullName} must have exactly one public constructor.");
        _parameters = _constructor.GetParameters();
    }

    public Type ClassType { get; }

    /// <summary>The grain type part of a <see cref="GrainId"/>: [GrainType] or the class name without "Grain".</summary>
    public string GrainType { get; }

    public bool IsReentrant { get; }

    public Grain Create(ActivationData activation)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var persistent = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (persistent is not null)
            {
                arguments[i] = CreatePersistentState(parameter, persistent, activation);
                continue;
            }

            arguments[i] = activation.Services.GetService(parameter.ParameterType)
                ?? throw new InvalidOperationException(
                    $"Cannot activate grain {activation.GrainId}: constructor parameter '{parameter.Name}' of type {parameter.ParameterType.Name} is not registered.");
        }

        return (Grain)_constructor.Invoke(arguments);
    }

    private static object CreatePersistentState(ParameterInfo parameter, PersistentStateAttribute attribute, ActivationData activation)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"[PersistentState] parameter '{parameter.Name}' of {activation.GrainClass.ClassType.Name} must be an IPersistentState<T>.");
        }

        var stateType = type.GetGenericArguments()[0];
        return s_createState.MakeGenericMethod(stateType).Invoke(null, [attribute, activation])!;
    }

    private static PersistentState<TState> CreateState<TState>(PersistentStateAttribute attribute, ActivationData activation)
    {
        var storage = activation.Services.GetRequiredService<GrainStateStorage>();
        var state = new PersistentState<TState>(activation, attribute.StateName, storage);
        activation.AddState(state);
        return state;
    }

    private static string DefaultGrainType(Type classType)
    {
        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
