using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Care;

/// <summary>
/// The register of deaths, self-harm, hunger strikes, use of force and injuries in facilities, per
/// organisation. An incident has its own key (not a case key): it is sealed to the organisation and
/// to the member who recorded it in <see cref="CaseKeyGrant"/> rows whose subject is the incident's
/// id, and opened through <see cref="SessionKeys"/>, the one way a member opens any sealed key.
/// </summary>
public sealed class IncidentRegister(
    QorgauDbContext db,
    StaffCaseAccess access,
    SessionKeys keys,
    CaseKeyring keyring,
    CaseDeadlineTracker deadlines,
    AuditLog audit,
    VisibleCases visible,
    FacilityRegistry facilities,
    TimeProvider clock)
{
    public DateOnly Today => deadlines.Today;

    /// <summary>The member, when they work on cases, checked as for a case (analysts and administrators never see the register).</summary>
    public async Task<StaffUser?> MemberAsync(ClaimsPrincipal principal) =>
        await access.MemberAsync(principal) is { OrganisationId: not null } member ? member : null;

    public async Task<IReadOnlyList<Incident>> ListAsync(Guid organisationId, Guid? facilityId, IncidentKind? kind, InquiryState? inquiry, CancellationToken cancellationToken)
    {
        var query = db.Incidents.AsNoTracking().Where(i => i.OrganisationId == organisationId);
        if (facilityId is { } facility)
        {
            query = query.Where(i => i.FacilityId == facility);
        }

        if (kind is { } k)
        {
            query = query.Where(i => i.Kind == k);
        }

        if (inquiry is { } state)
        {
            query = query.Where(i => i.Inquiry == state);
        }

        return await query.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.RecordedAtUtc).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>Checks the form and records the incident: a new key sealed to the organisation and the member, the narrative under it, an event on each linked case.</summary>
    public async Task<(Incident? Incident, List<Problem> Problems)> RecordAsync(StaffUser member, IncidentForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var kind = FieldParser.Code<IncidentKind>(problems, "kind", form.Kind);
        var on = CareRules.Date(problems, "occurredOn", form.OccurredOn, Today, required: true);
        var persons = CareRules.Persons(problems, "persons", form.Persons);
        var inquiry = string.IsNullOrWhiteSpace(form.Inquiry) ? InquiryState.NotStarted : FieldParser.Code<InquiryState>(problems, "inquiry", form.Inquiry);
        var narrative = CareRules.Text(problems, "narrative", form.Narrative, required: true);
        var facility = await facilities.FindAsync(problems, form.Facility, cancellationToken);
        var cases = await CasesAsync(member, form.CaseNumbers, problems, cancellationToken);
        var organisation = await db.Organisations.FirstAsync(o => o.Id == member.OrganisationId, cancellationToken);
        if (problems.Count > 0 || organisation.PublicKey is null || member.PublicKey is null)
        {
            return (null, problems);
        }

        var id = Guid.CreateVersion7();
        var key = keyring.NewCaseKey(id, organisation, [member], complainantPublicKey: null);
        var incident = new Incident
        {
            Id = id,
            OrganisationId = organisation.Id,
            FacilityId = facility!.Id,
            Kind = kind!.Value,
            OccurredOn = on!.Value,
            Persons = persons!.Value,
            Inquiry = inquiry!.Value,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedByUserId = member.Id,
            NarrativeCipher = Crypto.EncryptText(key, narrative!, IncidentField.NarrativeContext(id)),
        };
        db.Incidents.Add(incident);
        foreach (var linked in cases)
        {
            Link(incident, linked, member.Id);
        }

        await audit.WriteAsync(new AuditEvent("incident.recorded", member.Id, organisation.Id, "incident", id.ToString(), $"cases={cases.Count} persons={incident.Persons}"), cancellationToken);
        return (incident, problems);
    }

    /// <summary>The incident if the member's organisation keeps it; null otherwise (the same answer for "no such incident").</summary>
    public Task<Incident?> FindAsync(StaffUser member, Guid id, CancellationToken cancellationToken) =>
        db.Incidents.FirstOrDefaultAsync(i => i.Id == id && i.OrganisationId == member.OrganisationId, cancellationToken);

    /// <summary>The narrative, when the member's key opens the incident key; each reading is audited.</summary>
    public async Task<string?> ReadNarrativeAsync(StaffUser member, Incident incident, CancellationToken cancellationToken)
    {
        if ((await keys.OpenAsync(incident.Id, member.Id, cancellationToken)).Key is not { } key)
        {
            return null;
        }

        await audit.WriteAsync(new AuditEvent("incident.read", member.Id, incident.OrganisationId, "incident", incident.Id.ToString()), cancellationToken);
        return Crypto.DecryptText(key, incident.NarrativeCipher, IncidentField.NarrativeContext(incident.Id));
    }

    public async Task<IReadOnlyList<Case>> LinkedCasesAsync(Guid incidentId, CancellationToken cancellationToken) =>
        await db.IncidentCases.AsNoTracking().Where(l => l.IncidentId == incidentId)
            .Join(db.Cases.AsNoTracking(), l => l.CaseId, c => c.Id, (l, c) => c).OrderBy(c => c.PublicId).ToListAsync(cancellationToken);

    /// <summary>The linked cases this member may see (the independence guard hides the others).</summary>
    public async Task<IReadOnlyList<Case>> LinkedCasesAsync(StaffUser member, Guid incidentId, CancellationToken cancellationToken)
    {
        var visibility = await visible.ForAsync(member.Id, cancellationToken);
        return [.. (await LinkedCasesAsync(incidentId, cancellationToken)).Where(visibility.MaySee)];
    }

    public async Task<List<Problem>> ChangeInquiryAsync(StaffUser member, Incident incident, string? state, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var to = FieldParser.Code<InquiryState>(problems, "inquiry", state);
        if (to is { } next && !CareRules.MayMove(incident.Inquiry, next))
        {
            problems.Add(new Problem("inquiry", CareProblemCode.NotAllowed));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        incident.Inquiry = to!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var linked in await LinkedCasesAsync(incident.Id, cancellationToken))
        {
            db.CaseEvents.Add(CaseEvents.IncidentInquiry(linked.Id, now, member.Id, incident.Id, to.Value));
        }

        await audit.WriteAsync(new AuditEvent("incident.inquiry", member.Id, incident.OrganisationId, "incident", incident.Id.ToString(), $"inquiry={EnumCode.Of(to.Value)}"), cancellationToken);
        return problems;
    }

    public async Task<List<Problem>> LinkCasesAsync(StaffUser member, Incident incident, IncidentForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var cases = await CasesAsync(member, form.CaseNumbers, problems, cancellationToken);
        if (cases.Count == 0 && problems.Count == 0)
        {
            problems.Add(new Problem("cases", CareProblemCode.Required));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var already = await db.IncidentCases.Where(l => l.IncidentId == incident.Id).Select(l => l.CaseId).ToListAsync(cancellationToken);
        foreach (var linked in cases.Where(c => !already.Contains(c.Id)))
        {
            Link(incident, linked, member.Id);
        }

        await audit.WriteAsync(new AuditEvent("incident.linked", member.Id, incident.OrganisationId, "incident", incident.Id.ToString(), $"cases={cases.Count}"), cancellationToken);
        return problems;
    }

    private void Link(Incident incident, Case linked, Guid actorId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.IncidentCases.Add(new IncidentCase { IncidentId = incident.Id, CaseId = linked.Id, LinkedAtUtc = now });
        db.CaseEvents.Add(CaseEvents.IncidentLinked(linked.Id, now, actorId, incident));
    }

    /// <summary>Case numbers of the member's own organisation only: another organisation's case, or one the independence guard hides from the member, is "unknown", as if it did not exist.</summary>
    private async Task<List<Case>> CasesAsync(StaffUser member, IReadOnlyList<string> numbers, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (numbers.Count == 0)
        {
            return [];
        }

        var organisationId = member.OrganisationId!.Value;
        var found = await (await visible.FilterAsync(member.Id, db.Cases.Where(c => numbers.Contains(c.PublicId) && c.OrganisationId == organisationId), cancellationToken)).ToListAsync(cancellationToken);
        if (found.Count != numbers.Count)
        {
            problems.Add(new Problem("cases", CareProblemCode.UnknownCase));
        }

        return found;
    }
}
