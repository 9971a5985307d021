using Qorgau.Domain.Csv;
using Qorgau.Domain.Monitoring;

namespace Qorgau.Domain.Profiles;

public static partial class ProfileReader
{
    public const string ConditionsFile = "conditions.csv";

    /// <summary>The conditions checklist of a visit; optional: a profile without the file shows no checklist.</summary>
    private static List<Located<ConditionItem>> ReadConditions(string directory, List<DataProblem> problems)
    {
        if (!File.Exists(Path.Combine(directory, ConditionsFile)))
        {
            return [];
        }

        var items = ReadItems(directory, ConditionsFile, [], problems, r =>
        {
            var code = r.Code("code");
            if (code.Length > ConditionRules.MaxItemCode)
            {
                r.Fail("code", $"'{code}' is longer than {ConditionRules.MaxItemCode} characters");
            }

            return new ConditionItem(code, ReadName(r), r.Required("source"));
        });
        RequireSome(ConditionsFile, items, problems);
        return items;
    }
}
