using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Registers each options class once, from its configuration section, validated by its data
/// annotations (and <see cref="IValidatableObject"/>) with messages that name the configuration key,
/// e.g. <c>Security:LockoutAttempts</c>. Invalid settings stop the app (and every verb) at start.
/// </summary>
public static class OptionsValidation
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, validated on start; returns the same
    /// values, already validated, for the few services that are configured while the app is being built.
    /// </summary>
    public static T AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
    {
        var validator = new KeyedOptionsValidator<T>(section);
        services.AddSingleton<IValidateOptions<T>>(validator);
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(Options.DefaultName, value);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures) : value;
    }
}

/// <summary>Data annotations of an options class, with each failure naming its <c>Section:Property</c> key and the value found.</summary>
public sealed class KeyedOptionsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = property.GetValue(options);
            var key = $"{section}:{property.Name}";
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is { } problem)
                {
                    failures.Add($"{problem.ErrorMessage} (found: {Describe(value)})");
                }
            }
        }

        if (options is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(options)).Select(r => $"{section}:{r.MemberNames.FirstOrDefault()}: {r.ErrorMessage}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
