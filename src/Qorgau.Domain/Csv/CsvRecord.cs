using System.Globalization;

namespace Qorgau.Domain.Csv;

/// <summary>
/// One data row with typed accessors. A bad value records a problem naming the line and column
/// and returns a harmless default, so that one pass reports every problem in the file.
/// </summary>
public sealed class CsvRecord
{
    private readonly string _file;
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly string[] _fields;
    private readonly ICollection<DataProblem> _problems;
    private bool _failed;

    internal CsvRecord(string file, int line, IReadOnlyDictionary<string, int> columns, string[] fields, ICollection<DataProblem> problems)
    {
        _file = file;
        Line = line;
        _columns = columns;
        _fields = fields;
        _problems = problems;
    }

    public int Line { get; }

    /// <summary>True once any accessor or check has recorded a problem for this row.</summary>
    public bool HasProblems => _failed;

    public void Fail(string reason)
    {
        _failed = true;
        _problems.Add(new DataProblem(_file, Line, reason));
    }

    public void Fail(string column, string reason) => Fail($"column '{column}': {reason}");

    public string? Optional(string column) =>
        _columns.TryGetValue(column, out var index) && index < _fields.Length && _fields[index].Length > 0
            ? _fields[index]
            : null;

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Fail(column, "a value is required");
            return string.Empty;
        }

        return value;
    }

    /// <summary>A lowercase ASCII code: letters, digits, '-', '_' and '.'.</summary>
    public string Code(string column)
    {
        var value = Required(column);
        if (value.Length > 0 && !IsCode(value))
        {
            Fail(column, $"'{value}' is not a code (use lowercase ASCII letters, digits, '-', '_' or '.')");
        }

        return value;
    }

    public bool Bool(string column)
    {
        var value = Required(column);
        switch (value)
        {
            case "true":
                return true;
            case "false":
                return false;
            case "":
                return false;
            default:
                Fail(column, $"'{value}' is not true or false");
                return false;
        }
    }

    public int Number(string column, int minimum = 0, int maximum = int.MaxValue)
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return 0;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum || number > maximum)
        {
            Fail(column, $"'{value}' is not a whole number from {minimum} to {maximum}");
            return 0;
        }

        return number;
    }

    public DateOnly Date(string column)
    {
        var value = Required(column);
        return value.Length == 0 ? default : ParseDate(column, value) ?? default;
    }

    public DateOnly? OptionalDate(string column)
    {
        var value = Optional(column);
        return value is null ? null : ParseDate(column, value);
    }

    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return default;
        }

        if (EnumCode.Parse<TEnum>(value.ToLowerInvariant()) is not { } parsed)
        {
            Fail(column, $"'{value}' is not one of: {string.Join(", ", EnumCode.All<TEnum>())}");
            return default;
        }

        return parsed;
    }

    public static bool IsCode(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');

    private DateOnly? ParseDate(string column, string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(column, $"'{value}' is not a date written YYYY-MM-DD");
        return null;
    }
}
