using Orleans;

namespace Grains.Abstractions.Departments;

/// <summary>A district department (部门) that handles appeals.</summary>
/// <param name="Code">Its key.</param>
/// <param name="NameZh">Its Chinese name.</param>
/// <param name="NameEn">Its English name.</param>
[GenerateSerializer, Immutable, Alias("cc.DepartmentProfile")]
public sealed record DepartmentProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn);
