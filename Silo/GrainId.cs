namespace Silo;

/// <summary>The identity of one grain: its grain type (from the implementing class) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>Longest accepted key, in characters; keys are stored in indexed columns.</summary>
    public const int MaxKeyLength = 256;

    public override string ToString() => $"{Type}/{Key}";
}
