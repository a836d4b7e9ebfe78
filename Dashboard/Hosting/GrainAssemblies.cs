using System.Reflection;
using Grains.Hosting;

namespace Dashboard.Hosting;

/// <summary>The assemblies whose grain classes the co-hosted silo activates.</summary>
internal static class GrainAssemblies
{
    public static Assembly[] All { get; } = [typeof(DomainOptions).Assembly];
}
