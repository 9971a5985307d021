using System.Text;

namespace Qorgau.Domain;

/// <summary>
/// One expected failure, as every feature reports it: the field it is about (the form's and the API's name),
/// a stable code, and the values its words need. The web app puts it in the reader's words with one
/// translator (<c>ProblemText</c>); the codes of each part are constants beside its rules.
/// </summary>
public sealed record Problem(string Field, string Code, params string[] Args)
{
    /// <summary>By value, the arguments too: two problems are the same when they say the same thing.</summary>
    public bool Equals(Problem? other) =>
        other is not null && Field == other.Field && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Field, Code, Args.Length);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Field = ").Append(Field).Append(", Code = ").Append(Code).Append(", Args = [").AppendJoin(", ", Args).Append(']');
        return true;
    }
}
