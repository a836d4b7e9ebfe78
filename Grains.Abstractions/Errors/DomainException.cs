using System.Globalization;
using Orleans;

namespace Grains.Abstractions.Errors;

/// <summary>A business rule refused a request; nothing was changed. The screen shows the text for <see cref="Code"/>.</summary>
/// <remarks>Orleans' fallback exception codec would deliver only the message and stack trace to a caller on another
/// silo; the generated serializer carries <see cref="Code"/> and <see cref="Arguments"/> too (the message, stack
/// trace and inner exception still travel through Orleans' base exception codec).</remarks>
[GenerateSerializer, Alias("cc.DomainException")]
public sealed class DomainException : Exception
{
    /// <summary>Refuses a request with a stable error code and the values the message needs.</summary>
    public DomainException(string code, params object?[] arguments)
        : this(Normalise(arguments), code)
    {
    }

    private DomainException(string[] arguments, string code)
        : base(ErrorCatalogue.Format(code, ErrorCatalogue.English, arguments))
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>The stable error code, for example <c>appeal.not-replied</c>; the dashboard localises by it.</summary>
    [Id(0)]
    public string Code { get; }

    /// <summary>The values shown in the message, already formatted without culture.</summary>
    [Id(1)]
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The message in the given language (<c>zh-CN</c> or <c>en</c>); unknown languages get Chinese.</summary>
    public string MessageIn(string language) => ErrorCatalogue.Format(Code, language, Arguments);

    private static string[] Normalise(object?[]? arguments) =>
        arguments is null
            ? []
            : Array.ConvertAll(arguments, a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty);
}
