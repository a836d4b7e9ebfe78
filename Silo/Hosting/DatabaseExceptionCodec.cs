using System.Buffers;
using Npgsql;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.GeneratedCodeHelpers;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;
using Storage;

namespace Silo.Hosting;

/// <summary>Writes the PostgreSQL driver's exceptions, for which Orleans has no codec, as exceptions every process reads: a lost
/// or refused connection (the server restarting) as <see cref="StorageUnavailableException"/>, which the Dashboard answers with
/// 503 and the page that retries, any other as <see cref="Exception"/> with the driver's type and message. Without it a grain
/// call or activation that failed on the database reached a client (the Dashboard) as a CodecNotFoundException, a 500. Used for
/// the exception itself and for one nested in another (an Orleans storage error's inner exception).</summary>
internal sealed class DatabaseExceptionCodec : IGeneralizedCodec
{
    public bool IsSupportedType(Type type) => typeof(NpgsqlException).IsAssignableFrom(type);

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, object? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        var exception = (Exception)value!;
        Exception readable = StorageUnavailableException.FromConnectionFailure(exception)
            ?? new Exception($"{exception.GetType().FullName}: {exception.Message}");
        OrleansGeneratedCodeHelper.SerializeUnexpectedType(ref writer, fieldIdDelta, expectedType, readable);
    }

    // The wire names the readable type, so this codec is never asked to read.
    public object ReadValue<TInput>(ref Reader<TInput> reader, Field field) =>
        throw new NotSupportedException($"{nameof(DatabaseExceptionCodec)} only writes.");
}
