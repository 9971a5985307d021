using System.Globalization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// A workflow action as typed on the case page: every value kept as text, so a refused form comes
/// back exactly as it was. The page records one official's verdict at a time; the API takes several.
/// </summary>
public sealed class CaseActionForm
{
    public string? Action { get; set; }

    public string? On { get; set; }

    public string? RegisterNumber { get; set; }

    public string? Article { get; set; }

    public string? InvestigatingBody { get; set; }

    public string? Reason { get; set; }

    public string? Into { get; set; }

    public string? Organisation { get; set; }

    public string? Court { get; set; }

    public bool PleaAgreement { get; set; }

    public string? AppealBy { get; set; }

    public string? Official { get; set; }

    public string? Agency { get; set; }

    public string? Position { get; set; }

    public string? Rank { get; set; }

    public string? Outcome { get; set; }

    public string? SentenceArticle { get; set; }

    public string? CustodialMonths { get; set; }

    public bool Suspended { get; set; }

    public string? Fine { get; set; }

    public string? BanFromOfficeMonths { get; set; }

    public string? RestrictionOfLibertyMonths { get; set; }

    public string? CorrectionalLabourMonths { get; set; }

    public string? CorrectionalLabourMrp { get; set; }

    public string? CommunityServiceHours { get; set; }

    public string? FineMrp { get; set; }

    /// <summary>The command, or the fields whose text could not be read (dates, numbers, codes).</summary>
    public (CaseCommand? Command, List<Problem> Problems) ToCommand()
    {
        var problems = new List<Problem>();
        var action = Action?.Trim() ?? string.Empty;
        var on = Parse(On, "on", problems, text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null);
        var appealBy = Parse(AppealBy, "appealBy", problems, EnumCode.Parse<AppealBy>);
        var sentences = new List<SentenceCommand>();
        if (action == CaseAction.Verdict)
        {
            var official = Parse(Official, "sentences[0].official", problems, text => Guid.TryParse(text, out var g) ? g : (Guid?)null);
            var outcome = Parse(Outcome, "sentences[0].outcome", problems, EnumCode.Parse<VerdictOutcome>);
            var months = Parse(CustodialMonths, "sentences[0].custodialMonths", problems, Number);
            var ban = Parse(BanFromOfficeMonths, "sentences[0].banFromOfficeMonths", problems, Number);
            var fine = Parse(Fine, "sentences[0].fine", problems, Amount);
            sentences.Add(new SentenceCommand(official, Trim(Agency), Trim(Position), Trim(Rank), outcome, Trim(SentenceArticle), months, Suspended, fine, ban)
            {
                RestrictionOfLibertyMonths = Parse(RestrictionOfLibertyMonths, "sentences[0]." + SentenceFields.RestrictionOfLibertyMonths, problems, Number),
                CorrectionalLabourMonths = Parse(CorrectionalLabourMonths, "sentences[0]." + SentenceFields.CorrectionalLabourMonths, problems, Number),
                CorrectionalLabourMrp = Parse(CorrectionalLabourMrp, "sentences[0]." + SentenceFields.CorrectionalLabourMrp, problems, Amount),
                CommunityServiceHours = Parse(CommunityServiceHours, "sentences[0]." + SentenceFields.CommunityServiceHours, problems, Number),
                FineMrp = Parse(FineMrp, "sentences[0]." + SentenceFields.FineMrp, problems, Amount),
            });
        }

        var command = new CaseCommand
        {
            Action = action,
            On = on,
            RegisterNumber = Trim(RegisterNumber),
            Article = Trim(Article),
            InvestigatingBody = Trim(InvestigatingBody),
            Reason = Trim(Reason),
            Into = Trim(Into),
            Organisation = Trim(Organisation),
            Court = Trim(Court),
            PleaAgreement = PleaAgreement,
            AppealBy = appealBy,
            Sentences = sentences,
        };
        return (problems.Count == 0 ? command : null, problems);
    }

    private static decimal? Amount(string text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null;

    private static int? Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static T? Parse<T>(string? text, string field, List<Problem> problems, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            problems.Add(new Problem(field, "unreadable"));
        }

        return value;
    }
}
