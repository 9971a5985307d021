using System.Globalization;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Statistics;

namespace Qorgau.Domain.Profiles;

public static partial class ProfileReader
{
    public const string SurveysFile = "surveys.csv";

    private static readonly string[] SurveyColumns =
        ["survey", "question", "question_kk", "question_ru", "question_en", "option_kk", "option_ru", "option_en", "percent", "sample_size", "fieldwork", "source"];

    /// <summary>Polls, one row per published answer share; the rows of one poll agree on its sample, fieldwork and source.</summary>
    private static IReadOnlyList<Survey> ReadSurveys(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, SurveysFile);
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        var surveys = new List<(Survey Head, int Line, List<(string Code, LocalizedName Text, List<SurveyAnswer> Answers)> Questions)>();
        foreach (var record in CsvTable.Read(reader, SurveysFile, SurveyColumns, problems))
        {
            var head = new Survey(record.Required("survey"), record.Number("sample_size", 1, 10_000_000), record.Required("fieldwork"), record.Required("source"), []);
            var code = record.Code("question");
            var question = new LocalizedName(record.Required("question_kk"), record.Required("question_ru"), record.Required("question_en"));
            var answer = new SurveyAnswer(new LocalizedName(record.Required("option_kk"), record.Required("option_ru"), record.Required("option_en")), Percent(record));
            var survey = surveys.FindIndex(s => s.Head.Title == head.Title);
            if (survey >= 0 && (surveys[survey].Head.SampleSize != head.SampleSize || surveys[survey].Head.Fieldwork != head.Fieldwork || surveys[survey].Head.Source != head.Source))
            {
                record.Fail($"sample_size, fieldwork or source differ from those of the same survey on line {surveys[survey].Line}");
            }

            var questions = survey >= 0 ? surveys[survey].Questions : [];
            var known = questions.FindIndex(q => q.Code == code);
            if (known >= 0 && questions[known].Text != question)
            {
                record.Fail("question", $"'{code}' is worded differently on another line of the same survey");
            }

            if (known >= 0 && questions[known].Answers.Any(a => a.Text.En == answer.Text.En))
            {
                record.Fail("option_en", $"'{answer.Text.En}' is already given for question '{code}'");
            }

            if (record.HasProblems)
            {
                continue;
            }

            if (survey < 0)
            {
                surveys.Add((head, record.Line, questions));
            }

            if (known < 0)
            {
                questions.Add((code, question, [answer]));
            }
            else
            {
                questions[known].Answers.Add(answer);
            }
        }

        return [.. surveys.Select(s => s.Head with { Questions = [.. s.Questions.Select(q => new SurveyQuestion(q.Code, q.Text, q.Answers))] })];
    }

    private static decimal Percent(CsvRecord record)
    {
        var text = record.Required("percent");
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
        {
            return percent;
        }

        if (text.Length > 0)
        {
            record.Fail("percent", $"'{text}' is not a share between 0 and 100 such as 34");
        }

        return 0;
    }
}
