using Qorgau.Domain.Csv;
using Qorgau.Domain.Statistics;

namespace Qorgau.Domain.Profiles;

public static partial class ProfileReader
{
    public const string PolicyMatrixFile = "policy-matrix.csv";

    public const string PolicyIndicatorsFile = "policy-indicators.csv";

    /// <summary>
    /// The policy analysis matrix: alternatives first, then criteria with a score for every alternative. A profile
    /// without the file has no policy appraisal.
    /// </summary>
    private static PolicyMatrix? ReadPolicyMatrix(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, PolicyMatrixFile);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path);
        var alternatives = new List<PolicyAlternative>();
        var criteria = new List<PolicyCriterion>();
        var scores = new Dictionary<(string, string), PolicyScore>();
        var sources = new List<string>();
        var before = problems.Count;
        foreach (var record in CsvTable.Read(reader, PolicyMatrixFile, ["row", "code", .. NameColumns, "direction", "scores", "source"], problems))
        {
            var code = record.Code("code");
            if (alternatives.Any(a => a.Code == code) || criteria.Any(c => c.Code == code))
            {
                record.Fail("code", $"'{code}' is already used");
            }

            switch (record.Required("row"))
            {
                case "alternative" when criteria.Count > 0:
                    record.Fail("row", "alternatives come before the criteria that score them");
                    break;
                case "alternative":
                    alternatives.Add(new PolicyAlternative(code, ReadName(record)));
                    break;
                case "criterion":
                    var criterion = new PolicyCriterion(code, ReadName(record), Direction(record));
                    ReadScores(record, criterion, alternatives, scores);
                    criteria.Add(criterion);
                    break;
                case var other:
                    record.Fail("row", $"'{other}' is not 'alternative' or 'criterion'");
                    break;
            }

            sources.Add(record.Required("source"));
        }

        if (problems.Count == before && (alternatives.Count < 2 || criteria.Count == 0))
        {
            problems.Add(new DataProblem(PolicyMatrixFile, 0, "a matrix needs at least two alternatives and one criterion"));
        }

        criteria = ReadIndicators(directory, criteria, problems);
        return problems.Count > before ? null : new PolicyMatrix(alternatives, criteria, scores, string.Join("; ", sources.Distinct(StringComparer.Ordinal)));
    }

    private static CriterionDirection Direction(CsvRecord record) => record.Required("direction") switch
    {
        "higher" => CriterionDirection.HigherIsBetter,
        "lower" => CriterionDirection.LowerIsBetter,
        "" => CriterionDirection.HigherIsBetter,
        var other => Fail(record, other),
    };

    /// <summary>
    /// The optional <c>policy-indicators.csv</c>: criteria tied to a live indicator (<see cref="PolicyIndicator"/>),
    /// each criterion of the matrix at most once.
    /// </summary>
    private static List<PolicyCriterion> ReadIndicators(string directory, List<PolicyCriterion> criteria, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, PolicyIndicatorsFile);
        if (!File.Exists(path))
        {
            return criteria;
        }

        using var reader = new StreamReader(path);
        var tied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in CsvTable.Read(reader, PolicyIndicatorsFile, ["criterion", "indicator"], problems))
        {
            var criterion = record.Required("criterion");
            var indicator = record.Required("indicator");
            if (criteria.All(c => c.Code != criterion) || tied.ContainsKey(criterion))
            {
                record.Fail("criterion", $"'{criterion}' is not a criterion of {PolicyMatrixFile} (or is tied twice)");
            }
            else if (PolicyIndicator.Find(indicator) is null)
            {
                record.Fail("indicator", $"'{indicator}' is not one of {string.Join(", ", PolicyIndicator.All.Select(i => i.Code))}");
            }
            else
            {
                tied[criterion] = indicator;
            }
        }

        return [.. criteria.Select(c => c with { Indicator = tied.GetValueOrDefault(c.Code) })];
    }

    private static CriterionDirection Fail(CsvRecord record, string direction)
    {
        record.Fail("direction", $"'{direction}' is not 'higher' (higher is better) or 'lower' (lower is better)");
        return CriterionDirection.HigherIsBetter;
    }

    /// <summary>"alternative:score" pairs, one for every alternative; a score is an ordinal level or a number.</summary>
    private static void ReadScores(CsvRecord record, PolicyCriterion criterion, List<PolicyAlternative> alternatives, Dictionary<(string, string), PolicyScore> scores)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in record.Required("scores").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(':');
            var value = parts.Length == 2 ? PolicyMatrix.ValueOf(parts[1]) : null;
            if (value is null || !alternatives.Any(a => a.Code == parts[0]) || !given.Add(parts[0]))
            {
                record.Fail("scores", $"'{pair}' is not alternative:score with an alternative above (once) and a score of {string.Join(", ", PolicyMatrix.OrdinalScale)} or a number");
                continue;
            }

            scores[(parts[0], criterion.Code)] = new PolicyScore(parts[1], value.Value);
        }

        foreach (var missing in alternatives.Where(a => !given.Contains(a.Code)))
        {
            record.Fail("scores", $"no score for '{missing.Code}'");
        }
    }
}
