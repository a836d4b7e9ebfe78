using System.Reflection;

namespace Storage;

/// <summary>A set of versioned schema scripts that <see cref="StorageInitializer"/> applies: embedded
/// resources of <paramref name="Assembly"/> named <c>{ResourcePrefix}.{sqlite|postgres}.{NNN}_{anything}.sql</c>.
/// With the default MSBuild naming, a project whose root namespace is <c>Grains</c> keeping its scripts in
/// <c>ReadModels/Sql/postgres/001_x.sql</c> uses the prefix <c>Grains.ReadModels.Sql</c>.</summary>
/// <param name="Name">Recorded in schema_versions; never rename a module once deployed.</param>
/// <param name="Assembly">The assembly that embeds the scripts.</param>
/// <param name="ResourcePrefix">The resource name up to the provider segment; a folder path with slashes
/// is accepted too.</param>
public sealed record SchemaModule(string Name, Assembly Assembly, string ResourcePrefix);
