namespace Grains.Abstractions.Departments;

/// <summary>A district department (部门) that handles appeals.</summary>
/// <param name="Code">Its key.</param>
/// <param name="NameZh">Its Chinese name.</param>
/// <param name="NameEn">Its English name.</param>
public sealed record DepartmentProfile(string Code, string NameZh, string NameEn);
