using System.Text.Json;
using System.Text.Json.Serialization;
using Silo.Storage;

namespace Silo.Runtime;

/// <summary>Serializes grain state as JSON on top of <see cref="IGrainStorage"/>.</summary>
/// <remarks>JSON by property name keeps stored grains readable when a state record gains a property
/// (it takes its default) or loses one (it is ignored). Enums are stored by name, so reordering an enum
/// does not change stored meaning.</remarks>
internal sealed class GrainStateStorage(IGrainStorage storage)
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public IGrainStorage Storage { get; } = storage;

    public static string Serialize<TState>(TState state) => JsonSerializer.Serialize(state, SerializerOptions);

    public static TState Deserialize<TState>(GrainId grainId, string stateName, string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TState>(payload, SerializerOptions)
                ?? throw new JsonException("The stored state is the JSON literal null.");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new GrainStateCorruptException(
                $"Stored state '{stateName}' of grain {grainId} cannot be read as {typeof(TState).Name}: {exception.Message} "
                + "The stored row is left unchanged.",
                exception);
        }
    }
}
