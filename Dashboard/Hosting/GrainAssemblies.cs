using System.Reflection;

namespace Dashboard.Hosting;

/// <summary>The assemblies whose grain classes the co-hosted silo activates.</summary>
internal static class GrainAssemblies
{
    // Loaded by name because the Grains project has no public type yet to take typeof of; once it has
    // one, this becomes typeof(Grains.SomeGrain).Assembly and the project reference guarantees the load.
    public static Assembly[] All { get; } = [Assembly.Load(new AssemblyName("Grains"))];
}
