namespace Silo;

/// <summary>Marker for every grain interface; a grain is addressed by its <see cref="GrainId"/>.</summary>
public interface IGrain : IAddressable;

/// <summary>Something that has a grain identity.</summary>
public interface IAddressable;

/// <summary>A grain keyed by a string.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain keyed by a <see cref="Guid"/>.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain keyed by a 64-bit integer.</summary>
public interface IGrainWithIntegerKey : IGrain;
