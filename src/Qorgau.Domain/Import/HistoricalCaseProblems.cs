using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Domain.Import;

/// <summary>A step the rules refused, told in the words of the file: the column and why.</summary>
public static partial class HistoricalCaseStory
{
    private sealed partial class Story
    {
        /// <summary>The rules' refusal in the words of the file: the column, its value and the reason.</summary>
        private IEnumerable<(string Column, string Reason)> Explain(Step step, CaseCommand command, CaseDecision decision)
        {
            if (decision.Kind != CaseDecisionKind.Invalid)
            {
                var column = command.Action switch
                {
                    CaseAction.Requalify => "article_final",
                    CaseAction.Terminate or CaseAction.Indict => "decision",
                    CaseAction.Verdict => "verdict",
                    CaseAction.Appeal or CaseAction.Finalise => step.DateColumn,
                    _ => step.DateColumn,
                };
                yield return (column, $"the workflow does not allow '{command.Action}' on a case {Describe(decision.Status)}");
                yield break;
            }

            foreach (var problem in decision.Problems.DistinctBy(p => p.Field))
            {
                var field = problem.Field.Contains('.', StringComparison.Ordinal) ? problem.Field[(problem.Field.IndexOf('.', StringComparison.Ordinal) + 1)..] : problem.Field;
                var column = field == "on" ? step.DateColumn : step.Columns.GetValueOrDefault(field, field);
                yield return (column, Reason(problem.Code, column, command));
            }
        }

        private string Reason(string code, string column, CaseCommand command)
        {
            var on = command.On!.Value;
            var article = column == "article_at_registration" ? row.ArticleAtRegistration : column == "article_final" ? (row.ArticleFinal ?? row.ArticleAtRegistration) : command.Article;
            return code switch
            {
                CaseProblemCode.FutureDate => $"'{on:yyyy-MM-dd}' is in the future",
                CaseProblemCode.TooEarly => $"'{on:yyyy-MM-dd}' is before the step it follows ({EarlierColumn(command.Action)})",
                CaseProblemCode.Required => "a value is required",
                CaseProblemCode.UnknownArticle => $"'{article}' is not an article of the profile",
                CaseProblemCode.ArticleNotInForce => $"article '{article}' was not in force on {on:yyyy-MM-dd}",
                CaseProblemCode.UnknownReason => $"'{command.Reason}' is not a termination reason of the profile",
                CaseProblemCode.TortureTerminationBarred => TortureRestrictions.CheckTermination(profile, imported.Proceeding!.CurrentArticle, command.Reason!, ActDate.Of(row.IncidentOn, row.ReceivedOn)).Reason!,
                CaseProblemCode.SuspendedBarred => TortureRestrictions.CheckSuspendedSentence(profile, imported.Proceeding!.CurrentArticle, ActDate.Of(row.IncidentOn, row.ReceivedOn)).Reason!,
                CaseProblemCode.UnknownAgency => "not an agency of the profile",
                CaseProblemCode.OutOfRange => "out of range",
                CaseProblemCode.TooLong => "too long",
                CaseProblemCode.NotConviction => "only with verdict 'conviction'",
                SentenceProblemCode.OneMainPenalty => "one main penalty per conviction: imprisonment, restriction of liberty, correctional labour and community service exclude each other (a fine may stand beside one)",
                _ => $"refused by the case rules ({code})",
            };
        }

        private string EarlierColumn(string action) => action switch
        {
            CaseAction.Accept or CaseAction.Register => "received_on",
            CaseAction.Requalify or CaseAction.Terminate or CaseAction.Indict => "registered_on",
            CaseAction.Verdict => "decision_on",
            CaseAction.Finalise when row.AppealedOn is not null => "appealed_on",
            _ => "verdict_on",
        };

        private static string Describe(CaseStatus status) => status switch
        {
            CaseStatus.Received => "that was never registered (registered_on is empty)",
            CaseStatus.Registered => "that was not indicted (decision is not 'indicted')",
            CaseStatus.Terminated => "whose investigation was terminated",
            _ => $"in status '{EnumCode.Of(status)}'",
        };
    }
}
