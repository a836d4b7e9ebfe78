using System.Linq.Expressions;
using System.Reflection;

namespace Silo.Runtime;

/// <summary>One grain interface method, compiled once into a delegate that calls it on the grain
/// instance, so that a call costs no reflection.</summary>
internal abstract class GrainMethod(string name, InterleaveKind kind)
{
    public string Name { get; } = name;

    public InterleaveKind Kind { get; } = kind;

    /// <summary>Delivers the call and returns what the interface method returns (a Task or ValueTask).</summary>
    public abstract object Invoke(GrainReference reference, object?[]? arguments);

    public static GrainMethod Create(MethodInfo method)
    {
        var name = $"{method.DeclaringType!.Name}.{method.Name}";
        if (method.IsGenericMethodDefinition)
        {
            throw new NotSupportedException($"Grain method {name} is generic; grain methods cannot be generic here.");
        }

        var kind = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null ? InterleaveKind.Always
            : method.GetCustomAttribute<ReadOnlyAttribute>() is not null ? InterleaveKind.ReadOnly
            : InterleaveKind.Exclusive;
        var returnType = method.ReturnType;
        var resultType = returnType == typeof(Task) || returnType == typeof(ValueTask) ? typeof(object)
            : returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                ? returnType.GetGenericArguments()[0]
                : throw new NotSupportedException($"Grain method {name} returns {returnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
        var methodType = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(methodType, name, kind, method)!;
    }
}

/// <summary>A grain method whose result is a <typeparamref name="T"/> (object for Task and ValueTask).</summary>
internal sealed class GrainMethod<T> : GrainMethod
{
    private static readonly Task<T> s_completedDefault = Task.FromResult<T>(default!);
    private readonly Func<Task<T>, object> _wrapResult;

    public GrainMethod(string name, InterleaveKind kind, MethodInfo method) : base(name, kind)
    {
        Body = Compile(method);
        var returnType = method.ReturnType;
        _wrapResult = returnType == typeof(ValueTask) ? static task => new ValueTask(task)
            : returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) ? static task => new ValueTask<T>(task)
            : static task => task;
    }

    /// <summary>Calls the method on a grain instance with boxed arguments.</summary>
    public Func<object, object?[]?, Task<T>> Body { get; }

    public override object Invoke(GrainReference reference, object?[]? arguments) =>
        _wrapResult(reference.InvokeAsync(this, arguments));

    private static Func<object, object?[]?, Task<T>> Compile(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var call = Expression.Call(
            Expression.Convert(grain, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        var returnType = method.ReturnType;
        Expression body = returnType == typeof(Task<T>) ? call
            : returnType == typeof(ValueTask<T>) ? Expression.Call(call, typeof(ValueTask<T>).GetMethod(nameof(ValueTask<T>.AsTask))!)
            : returnType == typeof(ValueTask) ? Expression.Call(AsObjectTask, Expression.Call(call, typeof(ValueTask).GetMethod(nameof(ValueTask.AsTask))!))
            : Expression.Call(AsObjectTask, call);
        return Expression.Lambda<Func<object, object?[]?, Task<T>>>(body, grain, arguments).Compile();
    }

    private static MethodInfo AsObjectTask => typeof(GrainMethod<T>).GetMethod(nameof(ToResultTask), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Adapts a Task-returning method to the Task&lt;T&gt; the runtime deals in.</summary>
    private static Task<T> ToResultTask(Task task) => task.IsCompletedSuccessfully ? s_completedDefault : AwaitAsync(task);

    private static async Task<T> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return default!;
    }
}
