namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>Positional arguments, <c>--option value</c> pairs and <c>--flag</c>s, checked against what a verb accepts.</summary>
internal sealed class VerbArguments
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public IReadOnlyList<string> Positional => _positional;

    public static VerbArguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> allowedOptions, IReadOnlyCollection<string>? allowedFlags = null)
    {
        var result = new VerbArguments();
        using var enumerator = args.GetEnumerator();
        while (enumerator.MoveNext())
        {
            var arg = enumerator.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result._positional.Add(arg);
                continue;
            }

            var flag = arg.Split('=', 2)[0];
            if (allowedFlags is not null && allowedFlags.Contains(flag))
            {
                if (flag != arg)
                {
                    result.Problem = $"option {flag} takes no value";
                    return result;
                }

                result._flags.Add(flag);
                continue;
            }

            var (name, value) = arg.Contains('=', StringComparison.Ordinal)
                ? (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])
                : (arg, enumerator.MoveNext() ? enumerator.Current : null);
            if (!allowedOptions.Contains(name))
            {
                result.Problem = $"unknown option {name}";
                return result;
            }

            if (value is null)
            {
                result.Problem = $"option {name} needs a value";
                return result;
            }

            result._options[name] = value;
        }

        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public string RequiredPositional(int index, string what) =>
        index < _positional.Count ? _positional[index] : throw new VerbUsageException($"missing {what}");

    public void ExpectAtMost(int count)
    {
        if (_positional.Count > count)
        {
            throw new VerbUsageException($"unexpected argument '{_positional[count]}'");
        }
    }
}
