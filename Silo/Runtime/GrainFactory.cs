using System.Globalization;

namespace Silo.Runtime;

/// <summary>Creates grain references; validates keys so that a bad key fails here, naming the grain.</summary>
internal sealed class GrainFactory(Catalog catalog, GrainClassRegistry registry) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        var grainClass = registry.ForInterface(typeof(TGrainInterface));
        if (string.IsNullOrWhiteSpace(primaryKey))
        {
            throw new ArgumentException($"A {grainClass.GrainType} grain needs a non-empty key.", nameof(primaryKey));
        }

        if (primaryKey.Length > GrainId.MaxKeyLength)
        {
            throw new ArgumentException(
                $"The key of a {grainClass.GrainType} grain is {primaryKey.Length} characters; at most {GrainId.MaxKeyLength} are allowed.",
                nameof(primaryKey));
        }

        return Create<TGrainInterface>(grainClass, primaryKey);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(registry.ForInterface(typeof(TGrainInterface)), primaryKey.ToString("N"));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(registry.ForInterface(typeof(TGrainInterface)), primaryKey.ToString(CultureInfo.InvariantCulture));

    private TGrainInterface Create<TGrainInterface>(GrainClass grainClass, string key) =>
        GrainProxy.Create<TGrainInterface>(new GrainReference(new GrainId(grainClass.GrainType, key), grainClass, catalog));
}
