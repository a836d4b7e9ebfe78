using Grains.Abstractions.Errors;
using Grains.Abstractions.Geo;

namespace Grains.Common;

/// <summary>Checks shared by the grains' commands; each throws the <see cref="DomainException"/> the screens translate.</summary>
internal static class Validation
{
    public const int MaxNameLength = 100;

    public static void SameKey(string key, string recordKey)
    {
        if (!string.Equals(key, recordKey, StringComparison.Ordinal))
        {
            throw new DomainException(ErrorCodes.KeyMismatch, key, recordKey);
        }
    }

    public static void Location(GeoPoint? point)
    {
        if (point is { IsValid: false })
        {
            throw new DomainException(ErrorCodes.CoordinateInvalid, point.Latitude, point.Longitude);
        }
    }

    public static string Name(string? name) => TextRules.Require(name, "field.name", MaxNameLength);
}
