using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;

namespace Qorgau.Web.Features.Care;

/// <summary>A forensic examination as typed on the form; every field kept as text so a problem loses nothing.</summary>
public sealed class ExaminationForm
{
    public string? ExaminedOn { get; set; }

    public string? RequestedOn { get; set; }

    public string? Examiner { get; set; }

    public string? Place { get; set; }

    public bool Consent { get; set; }

    public string? Present { get; set; }

    public bool Private { get; set; }

    public string? History { get; set; }

    public string? Physical { get; set; }

    public string? Psychological { get; set; }

    public string? Consistency { get; set; }

    public (ExaminationInput? Input, List<Problem> Problems) Parse(DateOnly today)
    {
        var problems = new List<Problem>();
        var examinedOn = CareRules.Date(problems, "examinedOn", ExaminedOn, today, required: true);
        var requestedOn = CareRules.Date(problems, "requestedOn", RequestedOn, today, required: false);
        CareRules.CheckExaminationDates(problems, requestedOn, examinedOn);
        var consistency = FieldParser.Code<ConsistencyLevel>(problems, "consistency", Consistency);
        var content = new ExaminationContent(
            CareRules.Text(problems, "examiner", Examiner, required: true, CareRules.MaxShortText) ?? string.Empty,
            CareRules.Text(problems, "place", Place, maxLength: CareRules.MaxShortText),
            Consent,
            CareRules.Text(problems, "present", Present, maxLength: CareRules.MaxShortText),
            Private,
            CareRules.Text(problems, "history", History),
            CareRules.Text(problems, "physical", Physical),
            CareRules.Text(problems, "psychological", Psychological));
        return problems.Count == 0 ? (new ExaminationInput(examinedOn!.Value, requestedOn, consistency!.Value, content), problems) : (null, problems);
    }
}

public sealed record ExaminationInput(DateOnly ExaminedOn, DateOnly? RequestedOn, ConsistencyLevel Consistency, ExaminationContent Content);

public sealed class ReferralForm
{
    public string? Kind { get; set; }

    public string? RequestedOn { get; set; }

    public string? Provider { get; set; }

    public string? Notes { get; set; }
}

public sealed class MeasureForm
{
    public string? Kind { get; set; }

    public string? RequestedOn { get; set; }

    public string? Details { get; set; }

    /// <summary>The withdrawal whose follow-up found pressure, when the measure answers it.</summary>
    public Guid? WithdrawalId { get; set; }
}

public sealed class ClaimForm
{
    public string? Amount { get; set; }

    public string? FiledOn { get; set; }

    public string? Notes { get; set; }
}

/// <summary>A status change of one referral or measure, or the decision or payment of one claim.</summary>
public sealed class ChangeForm
{
    public Guid Id { get; set; }

    public string? Status { get; set; }

    public string? On { get; set; }

    public string? Amount { get; set; }
}

public sealed class IncidentForm
{
    public string? Kind { get; set; }

    public string? OccurredOn { get; set; }

    public string? Facility { get; set; }

    /// <summary>How many people the incident concerns; empty means one.</summary>
    public string? Persons { get; set; }

    public string? Inquiry { get; set; }

    /// <summary>Case numbers of the same organisation, separated by spaces or commas.</summary>
    public string? Cases { get; set; }

    public string? Narrative { get; set; }

    public IReadOnlyList<string> CaseNumbers =>
        [.. (Cases ?? string.Empty).Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Qorgau.Domain.Intake.PublicCaseId.Normalise).Distinct()];
}
