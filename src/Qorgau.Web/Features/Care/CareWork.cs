using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Care;

/// <summary>
/// Records a case's forensic examinations, support referrals, protective measures and compensation
/// claims. Content goes under the case key; each creation and status change is an event on the
/// case's timeline and an audit entry.
/// </summary>
public sealed class CareWork(QorgauDbContext db, CaseDeadlineTracker deadlines, AuditLog audit, TimeProvider clock)
{
    public DateOnly Today => deadlines.Today;

    public async Task<ForensicExamination> RecordExaminationAsync(Case record, ExaminationInput input, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var examination = new ForensicExamination
        {
            Id = id,
            CaseId = record.Id,
            ExaminedOn = input.ExaminedOn,
            RequestedOn = input.RequestedOn,
            Consistency = input.Consistency,
            RecordedAtUtc = Now,
            RecordedByUserId = actorId,
            ContentCipher = Crypto.EncryptText(caseKey, JsonSerializer.Serialize(input.Content), CareField.ExaminationContext(record.Id, id)),
        };
        db.ForensicExaminations.Add(examination);
        db.CaseEvents.Add(CaseEvents.ExaminationRecorded(record.Id, Now, actorId, id, input.Consistency, input.ExaminedOn));
        await deadlines.MeetAsync(record, [CaseDeadlines.MedicalExamination], cancellationToken: cancellationToken);
        await SaveAsync(record, "examination.recorded", actorId, id, cancellationToken);
        return examination;
    }

    public static ExaminationContent ReadExamination(ForensicExamination examination, byte[] caseKey) =>
        JsonSerializer.Deserialize<ExaminationContent>(Crypto.DecryptText(caseKey, examination.ContentCipher, CareField.ExaminationContext(examination.CaseId, examination.Id)))!;

    public async Task<IReadOnlyList<Problem>> RequestSupportAsync(Case record, ReferralForm form, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var kind = FieldParser.Code<SupportKind>(problems, "kind", form.Kind);
        var on = CareRules.Date(problems, "requestedOn", form.RequestedOn, Today, required: true);
        var provider = CareRules.Text(problems, "provider", form.Provider, maxLength: CareRules.MaxShortText);
        var notes = CareRules.Text(problems, "notes", form.Notes);
        if (problems.Count > 0)
        {
            return problems;
        }

        var id = Guid.CreateVersion7();
        db.SupportReferrals.Add(new SupportReferral
        {
            Id = id,
            CaseId = record.Id,
            Kind = kind!.Value,
            RequestedOn = on!.Value,
            ProviderCipher = Encrypt(caseKey, provider, CareField.ProviderContext(record.Id, id)),
            NotesCipher = Encrypt(caseKey, notes, CareField.ReferralNotesContext(record.Id, id)),
        });
        db.CaseEvents.Add(CaseEvents.SupportRequested(record.Id, Now, actorId, id, kind.Value, on.Value));
        await SaveAsync(record, "support.requested", actorId, id, cancellationToken);
        return problems;
    }

    public async Task<IReadOnlyList<Problem>> ChangeSupportAsync(Case record, ChangeForm form, Guid actorId, CancellationToken cancellationToken)
    {
        var (referral, to, on, problems) = await StatusChangeAsync<SupportReferral, SupportStatus>(
            db.SupportReferrals.Where(r => r.Id == form.Id && r.CaseId == record.Id), form, CareRules.CheckChange, cancellationToken);
        if (referral is null)
        {
            return problems;
        }

        CareRules.Apply(referral, to, on);
        db.CaseEvents.Add(CaseEvents.SupportStatusChanged(record.Id, Now, actorId, referral.Id, to, on));
        await SaveAsync(record, "support.status", actorId, referral.Id, cancellationToken);
        return problems;
    }

    public async Task<IReadOnlyList<Problem>> RequestMeasureAsync(Case record, MeasureForm form, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var kind = FieldParser.Code<MeasureKind>(problems, "kind", form.Kind);
        var on = CareRules.Date(problems, "requestedOn", form.RequestedOn, Today, required: true);
        var details = CareRules.Text(problems, "details", form.Details);
        var withdrawal = form.WithdrawalId is { } withdrawalId
            ? await db.Withdrawals.AsNoTracking().FirstOrDefaultAsync(w => w.Id == withdrawalId && w.CaseId == record.Id, cancellationToken)
            : null;
        if (form.WithdrawalId is not null && withdrawal is null)
        {
            problems.Add(new Problem("withdrawal", CareProblemCode.Unknown));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var id = Guid.CreateVersion7();
        db.ProtectiveMeasures.Add(new ProtectiveMeasure
        {
            Id = id,
            CaseId = record.Id,
            Kind = kind!.Value,
            RequestedOn = on!.Value,
            WithdrawalId = withdrawal?.Id,
            DetailsCipher = Encrypt(caseKey, details, CareField.MeasureContext(record.Id, id)),
        });
        db.CaseEvents.Add(CaseEvents.MeasureRequested(record.Id, Now, actorId, id, kind.Value, on.Value, withdrawal?.Id));
        await SaveAsync(record, "protection.requested", actorId, id, cancellationToken);
        return problems;
    }

    public async Task<IReadOnlyList<Problem>> ChangeMeasureAsync(Case record, ChangeForm form, Guid actorId, CancellationToken cancellationToken)
    {
        var (measure, to, on, problems) = await StatusChangeAsync<ProtectiveMeasure, MeasureStatus>(
            db.ProtectiveMeasures.Where(m => m.Id == form.Id && m.CaseId == record.Id), form, CareRules.CheckChange, cancellationToken);
        if (measure is null)
        {
            return problems;
        }

        CareRules.Apply(measure, to, on);
        db.CaseEvents.Add(CaseEvents.MeasureStatusChanged(record.Id, Now, actorId, measure.Id, to, on));
        if (measure.Kind == MeasureKind.FollowUpVisit && to == MeasureStatus.Applied)
        {
            await deadlines.MeetAsync(record, [CaseDeadlines.VisitWhileHeld], cancellationToken: cancellationToken);
        }

        await SaveAsync(record, "protection.status", actorId, measure.Id, cancellationToken);
        return problems;
    }

    public async Task<IReadOnlyList<Problem>> FileClaimAsync(Case record, ClaimForm form, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var amount = CareRules.Amount(problems, "amount", form.Amount, required: true);
        var on = CareRules.Date(problems, "filedOn", form.FiledOn, Today, required: true);
        var notes = CareRules.Text(problems, "notes", form.Notes);
        if (problems.Count > 0)
        {
            return problems;
        }

        var id = Guid.CreateVersion7();
        db.CompensationClaims.Add(new CompensationClaim
        {
            Id = id,
            CaseId = record.Id,
            AmountClaimed = amount!.Value,
            FiledOn = on!.Value,
            NotesCipher = Encrypt(caseKey, notes, CareField.ClaimNotesContext(record.Id, id)),
        });
        db.CaseEvents.Add(CaseEvents.CompensationFiled(record.Id, Now, actorId, id, amount.Value, on.Value));
        await SaveAsync(record, "compensation.filed", actorId, id, cancellationToken);
        return problems;
    }

    public async Task<IReadOnlyList<Problem>> DecideClaimAsync(Case record, ChangeForm form, Guid actorId, CancellationToken cancellationToken)
    {
        var claim = await db.CompensationClaims.FirstOrDefaultAsync(c => c.Id == form.Id && c.CaseId == record.Id, cancellationToken);
        var problems = new List<Problem>();
        var decision = FieldParser.Code<ClaimDecision>(problems, "decision", form.Status);
        var on = CareRules.Date(problems, "decidedOn", form.On, Today, required: true);
        var awarded = CareRules.Amount(problems, "awarded", form.Amount, required: false);
        if (claim is null || problems.Count > 0)
        {
            return claim is null ? [new Problem("decision", CareProblemCode.Unknown)] : problems;
        }

        problems.AddRange(CareRules.CheckDecision(claim, decision!.Value, on!.Value, awarded, Today));
        if (problems.Count > 0)
        {
            return problems;
        }

        CareRules.Decide(claim, decision.Value, on.Value, awarded);
        db.CaseEvents.Add(CaseEvents.CompensationDecided(record.Id, Now, actorId, claim.Id, decision.Value, claim.AmountAwarded ?? 0, on.Value));
        await SaveAsync(record, "compensation.decided", actorId, claim.Id, cancellationToken);
        return problems;
    }

    /// <summary>A payment writes "compensation.paid" with the detail {"amount":"150000.00"}, as the historical import does.</summary>
    public async Task<IReadOnlyList<Problem>> PayClaimAsync(Case record, ChangeForm form, Guid actorId, CancellationToken cancellationToken)
    {
        var claim = await db.CompensationClaims.FirstOrDefaultAsync(c => c.Id == form.Id && c.CaseId == record.Id, cancellationToken);
        var problems = new List<Problem>();
        var on = CareRules.Date(problems, "paidOn", form.On, Today, required: true);
        var amount = CareRules.Amount(problems, "paid", form.Amount, required: true);
        if (claim is null || problems.Count > 0)
        {
            return claim is null ? [new Problem("paidOn", CareProblemCode.Unknown)] : problems;
        }

        problems.AddRange(CareRules.CheckPayment(claim, on!.Value, amount!.Value, Today));
        if (problems.Count > 0)
        {
            return problems;
        }

        CareRules.Pay(claim, on.Value, amount.Value);
        db.CaseEvents.Add(CaseEvents.CompensationPaid(record.Id, Now, actorId, amount.Value));
        await SaveAsync(record, "compensation.paid", actorId, claim.Id, cancellationToken);
        return problems;
    }

    public static string? Decrypt(byte[] caseKey, byte[]? cipher, string context) =>
        cipher is null ? null : Crypto.DecryptText(caseKey, cipher, context);

    public static string Money(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The steps a status change of a referral or a measure shares: the case's record (the problem "unknown"
    /// when it is not this case's), the status and day asked for, then the rule's check of the move.
    /// The record is null when there is any problem.
    /// </summary>
    private async Task<(T? Row, TStatus To, DateOnly On, List<Problem> Problems)> StatusChangeAsync<T, TStatus>(
        IQueryable<T> ofCase, ChangeForm form, Func<T, TStatus, DateOnly, DateOnly, IReadOnlyList<Problem>> check, CancellationToken cancellationToken)
        where T : class
        where TStatus : struct, Enum
    {
        var row = await ofCase.FirstOrDefaultAsync(cancellationToken);
        var problems = new List<Problem>();
        var to = FieldParser.Code<TStatus>(problems, "status", form.Status);
        var on = CareRules.Date(problems, "on", form.On, Today, required: true);
        if (row is null)
        {
            return (null, default, default, [new Problem("status", CareProblemCode.Unknown)]);
        }

        if (problems.Count == 0)
        {
            problems.AddRange(check(row, to!.Value, on!.Value, Today));
        }

        return problems.Count == 0 ? (row, to!.Value, on!.Value, problems) : (null, default, default, problems);
    }

    private static byte[]? Encrypt(byte[] caseKey, string? text, string context) =>
        text is null ? null : Crypto.EncryptText(caseKey, text, context);

    private async Task SaveAsync(Case record, string action, Guid actorId, Guid subjectId, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(new AuditEvent(action, actorId, record.OrganisationId, "case", record.Id.ToString(), $"record={subjectId}"), cancellationToken);
    }
}
