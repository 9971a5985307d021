namespace Qorgau.Domain.Csv;

/// <summary>One thing wrong with a data file: which file, which line (1-based; 0 for the file as a whole) and why.</summary>
public sealed record DataProblem(string File, int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}
