namespace Silo.Runtime;

/// <summary>The runtime side of a grain reference: finds the activation and delivers calls with a timeout.</summary>
internal sealed class GrainReference(GrainId grainId, GrainClass grainClass, Catalog catalog)
{
    private ActivationData? _activation;

    public GrainId GrainId { get; } = grainId;

    public Task<T> InvokeAsync<T>(GrainMethod<T> method, object?[]? arguments)
    {
        var request = new Request<T>(method.Name, method.Kind, CallChain.Current, method.Body, arguments);
        Task<T> result;
        try
        {
            var activation = _activation;
            if (activation is null || activation.IsInvalid)
            {
                _activation = activation = catalog.GetOrCreateActivation(GrainId, grainClass);
            }

            result = activation.InvokeAsync(request);
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }

        return result.IsCompleted ? result : WithTimeoutAsync(result, method.Name);
    }

    private async Task<T> WithTimeoutAsync<T>(Task<T> result, string methodName)
    {
        var timeout = catalog.Runtime.Options.ResponseTimeout;
        try
        {
            return await result.WaitAsync(timeout, catalog.Runtime.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!result.IsCompleted)
        {
            throw new GrainCallTimeoutException($"Call {methodName} to grain {GrainId} did not complete within {timeout}.");
        }
    }
}
