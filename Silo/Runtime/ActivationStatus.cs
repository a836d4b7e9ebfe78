namespace Silo.Runtime;

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationStatus
{
    /// <summary>Constructing the grain, reading state, running OnActivateAsync; calls wait.</summary>
    Creating,

    /// <summary>Serving calls.</summary>
    Valid,

    /// <summary>Finishing its calls and running OnDeactivateAsync; new calls wait for the next activation.</summary>
    Deactivating,

    /// <summary>Gone; calls go to a new activation.</summary>
    Invalid,
}
