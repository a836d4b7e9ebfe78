using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Storage;

/// <summary>Finds a module's schema scripts among its assembly's embedded resources.</summary>
internal static partial class SchemaScripts
{
    /// <summary>The module's scripts for the provider, by ascending version; versions must run 1, 2, 3...
    /// without gaps, so that a missing or misnamed file is caught before anything runs.</summary>
    public static IReadOnlyList<SchemaScript> Find(SchemaModule module, DatabaseProvider provider)
    {
        var prefix = $"{NormalizePrefix(module.ResourcePrefix)}.{provider.ScriptFolder()}.";
        var byVersion = new SortedDictionary<int, string>();
        foreach (var resourceName in module.Assembly.GetManifestResourceNames())
        {
            if (!resourceName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Anything in a sub-folder keeps a dot before the digits and is ignored here.
            var match = VersionedFileName().Match(resourceName[prefix.Length..]);
            if (!match.Success)
            {
                continue;
            }

            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            if (!byVersion.TryAdd(version, resourceName))
            {
                throw new InvalidOperationException(
                    $"Schema module '{module.Name}' has two {provider.ProductName()} scripts for version {version}: " +
                    $"{byVersion[version]} and {resourceName}.");
            }
        }

        if (byVersion.Count == 0)
        {
            throw new InvalidOperationException(
                $"Schema module '{module.Name}' has no {provider.ProductName()} scripts named {prefix}NNN_name.sql " +
                $"in {module.Assembly.GetName().Name}. Embedded .sql resources found: " +
                $"{string.Join(", ", SqlResources(module.Assembly).DefaultIfEmpty("none"))}.");
        }

        var expected = 1;
        foreach (var version in byVersion.Keys)
        {
            if (version != expected)
            {
                throw new InvalidOperationException(
                    $"Schema module '{module.Name}' skips {provider.ProductName()} version {expected} " +
                    $"(found {string.Join(", ", byVersion.Keys)}); versions must be 1, 2, 3... without gaps.");
            }

            expected++;
        }

        return [.. byVersion.Select(pair => new SchemaScript(pair.Key, pair.Value, Read(module.Assembly, pair.Value)))];
    }

    /// <summary>Reads an embedded script by its full resource name.</summary>
    public static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Accept a folder path as well as a resource prefix: MSBuild turns folder separators into dots.
    private static string NormalizePrefix(string prefix) =>
        prefix.Replace('/', '.').Replace('\\', '.').Trim('.');

    private static IEnumerable<string> SqlResources(Assembly assembly) =>
        assembly.GetManifestResourceNames().Where(name => name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^(?<version>\d+)_[^.]+.*\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionedFileName();
}
