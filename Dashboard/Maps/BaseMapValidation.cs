using Microsoft.Extensions.Options;

namespace Dashboard.Maps;

/// <summary>Refuses a base map configuration with the one sentence <see cref="BaseMapOptions.Problem"/> gives.</summary>
internal sealed class BaseMapValidation : IValidateOptions<BaseMapOptions>
{
    public ValidateOptionsResult Validate(string? name, BaseMapOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
