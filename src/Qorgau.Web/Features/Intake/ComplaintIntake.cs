using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Cases.Preservation;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Notifications;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Files complaints from every channel: checks them, routes them to an independent organisation,
/// makes the case key, encrypts the sensitive fields and attachments, and gives a receipt.
/// Filing is in three steps (<see cref="StartAsync"/>, attachments, <see cref="CommitAsync"/>) so that
/// attachments can be encrypted while they stream in.
/// </summary>
public sealed class ComplaintIntake(
    QorgauDbContext db,
    JurisdictionProfile profile,
    CaseKeyring keyring,
    ReceiptKeys receiptKeys,
    CaseFiles files,
    AuditLog audit,
    CaseDeadlineTracker deadlines,
    VideoPreservation preservation,
    MemberAdmission admission,
    CaseNotices notices,
    TimeProvider clock)
{
    /// <summary>Roles whose members can read a new complaint of their organisation as soon as it arrives.</summary>
    private static readonly string[] FirstReaderRoles = [StaffRole.IntakeOperator, StaffRole.Supervisor];

    public DateOnly Today => deadlines.Today;

    /// <summary>Checks a public complaint and chooses its organisation among those that take public complaints.</summary>
    public async Task<CheckedComplaint> CheckPublicAsync(ComplaintForm form, string fallbackLanguage, CancellationToken cancellationToken)
    {
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => o.TakesPublicComplaints && o.PublicKey != null)
            .ToListAsync(cancellationToken);
        return await CheckAsync(form, fallbackLanguage, candidates, form.Organisation, cancellationToken);
    }

    /// <summary>Checks a complaint a staff member records for their own organisation.</summary>
    public Task<CheckedComplaint> CheckForOrganisationAsync(ComplaintForm form, string fallbackLanguage, Organisation organisation, CancellationToken cancellationToken) =>
        CheckAsync(form, fallbackLanguage, [organisation], organisation.Code, cancellationToken);

    public async Task<NewCase> StartAsync(Complaint complaint, Organisation organisation, IntakeChannel channel, string? channelDetails, bool withReceipt, Guid? actorId, CancellationToken cancellationToken)
    {
        var receipt = withReceipt ? Receipt.New() : null;
        var complainantKeys = receipt is null ? null
            : await receiptKeys.DeriveAsync(receipt, cancellationToken)
                ?? throw new InvalidOperationException("The installation is not initialised: run 'qorgau init' or 'qorgau demo'.");
        var caseId = Guid.NewGuid();
        await admission.CheckOrganisationAsync(organisation, cancellationToken);
        var readers = await FirstReadersAsync(organisation.Id, cancellationToken);
        readers.RemoveAll(u => !IndependenceGuard.CheckPerson(profile.AgencyTree, complaint.AccusedAgencyCode, u.AffiliationAgencyCode, organisation.AffiliationAgencyCode).IsIndependent);
        var caseKey = keyring.NewCaseKey(caseId, organisation, readers, complainantKeys?.PublicKey);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today;
        var record = new Case
        {
            Id = caseId,
            PublicId = PublicCaseId.New(),
            OrganisationId = organisation.Id,
            Channel = channel,
            ReceivedOn = today,
            ReceivedSequence = await db.Cases.CountAsync(c => c.OrganisationId == organisation.Id && c.ReceivedOn == today, cancellationToken) + 1,
            IsUrgent = complaint.IsUrgent,
            IncidentFrom = complaint.IncidentFrom,
            IncidentTo = complaint.IncidentTo,
            RegionCode = complaint.RegionCode,
            FacilityId = complaint.Facility?.Id,
            FacilityTypeCode = complaint.Facility?.TypeCode,
            AccusedAgencyCode = complaint.AccusedAgencyCode,
            IllTreatmentCode = complaint.IllTreatmentCode,
            MethodCodes = [.. complaint.MethodCodes],
            VictimSex = complaint.VictimSex,
            VictimAgeBand = complaint.VictimAgeBand,
            VictimLegalStatus = complaint.VictimLegalStatus,
            Vulnerabilities = [.. complaint.Vulnerabilities],
            ConsentToShare = complaint.ConsentToShare,
            ReceiptLookup = complainantKeys?.Lookup,
            AccountCipher = Crypto.EncryptText(caseKey, complaint.Account, CaseField.Context(caseId, CaseField.Account)),
            PlaceCipher = EncryptOptional(caseKey, caseId, CaseField.Place, complaint.Place),
            ContactCipher = EncryptOptional(caseKey, caseId, CaseField.Contact, complaint.Contact),
            ChannelDetailsCipher = EncryptOptional(caseKey, caseId, CaseField.ChannelDetails, channelDetails),
            ParticularsCipher = new CaseParticulars(now, complaint.Language, complaint.ReporterRelation, complaint.VictimStillHeld, complaint.ContactAllowed).Encrypt(caseKey, caseId),
        };
        db.Cases.Add(record);
        deadlines.OpenOnReceipt(record, organisation, complaint.VictimStillHeld == true);

        // What intake writes in clear carries the day, never the instant (the audit entry is the exception: see CommitAsync).
        var startOfDay = ProfileCalendar.StartOfDayUtc(profile, today);
        foreach (var grant in db.CaseKeyGrants.Local.Where(g => g.CaseId == caseId))
        {
            grant.GrantedAtUtc = startOfDay;
        }

        preservation.RaiseFor(record, complaint.Facility, actorId, startOfDay);
        db.CaseEvents.Add(CaseEvents.Received(caseId, startOfDay, actorId, channel, EventId(startOfDay)));
        return new NewCase(record, caseKey, receipt, actorId);
    }

    /// <exception cref="AttachmentRejectedException">Too many files, a type not allowed or a file too large.</exception>
    public async Task AttachAsync(NewCase newCase, string? fileName, string? contentType, Stream content, int maxAttachments, CancellationToken cancellationToken)
    {
        if (newCase.Attachments.Count >= maxAttachments)
        {
            throw new AttachmentRejectedException(AttachmentProblemCode.TooMany);
        }

        var author = newCase.ActorId is null ? MessageAuthor.Complainant : MessageAuthor.Staff;
        newCase.Attachments.Add(await files.AddAsync(newCase.Case.Id, newCase.CaseKey, fileName, contentType, content, author, cancellationToken));
    }

    /// <summary>Stores the case, its key grants and attachments, and the audit entry, in one transaction.</summary>
    public async Task CommitAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        var record = newCase.Case;
        var startOfDay = ProfileCalendar.StartOfDayUtc(profile, record.ReceivedOn);
        for (var i = 0; i < newCase.Attachments.Count; i++)
        {
            // A millisecond apart, after the "received" event: the timeline keeps their order and no instant.
            var at = startOfDay.AddMilliseconds(i + 1);
            db.CaseEvents.Add(CaseEvents.AttachmentAdded(record.Id, at, newCase.ActorId, newCase.Attachments[i].Id, EventId(at)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // The one exact instant a filing leaves in clear: the audit chain orders and times every entry.
        await audit.WriteAsync(
            new AuditEvent("case.filed", newCase.ActorId, record.OrganisationId, "case", record.Id.ToString(), $"channel={EnumCode.Of(record.Channel)} attachments={newCase.Attachments.Count}"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The organisation's members hear of it in the app from their inbox count; by e-mail through the queue.
        notices.Send(new Notice(NoticeKind.NewComplaint, record.Id));
    }

    /// <summary>The filing failed part-way: forget the case and remove the blobs already written.</summary>
    public async Task AbandonAsync(NewCase newCase)
    {
        db.ChangeTracker.Clear();
        await files.DiscardAsync(newCase.Attachments);
    }

    private async Task<CheckedComplaint> CheckAsync(ComplaintForm form, string fallbackLanguage, IReadOnlyList<Organisation> candidates, string? requestedOrganisation, CancellationToken cancellationToken)
    {
        var facility = await FindFacilityAsync(form.FacilityId, cancellationToken);
        var (complaint, problems) = ComplaintRules.Check(form, profile, facility, Today, fallbackLanguage);
        var allProblems = problems.ToList();
        var accused = complaint?.AccusedAgencyCode ?? form.AccusedAgency?.Trim();
        var routing = ComplaintRouting.Choose(profile.AgencyTree, candidates, requestedOrganisation?.Trim(), string.IsNullOrEmpty(accused) ? null : accused);
        if (routing.Problem is { } problem)
        {
            allProblems.Add(new Problem("organisation", problem, requestedOrganisation?.Trim() ?? string.Empty));
        }

        return allProblems.Count == 0
            ? new CheckedComplaint(complaint, routing.Organisation, allProblems)
            : new CheckedComplaint(null, null, allProblems);
    }

    private async Task<Facility?> FindFacilityAsync(string? facilityId, CancellationToken cancellationToken)
    {
        var key = facilityId?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        return Guid.TryParse(key, out var id)
            ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            : await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Code == key, cancellationToken);
    }

    private async Task<List<StaffUser>> FirstReadersAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var roleIds = db.Roles.Where(r => FirstReaderRoles.Contains(r.Name!)).Select(r => r.Id);
        var administratorRoleIds = db.Roles.Where(r => r.Name == StaffRole.Administrator).Select(r => r.Id);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.PublicKey != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && administratorRoleIds.Contains(ur.RoleId)))
            .ToListAsync(cancellationToken);

        // A role makes a first reader only once a key holder has admitted the person (an administrator's account gets nothing).
        return await admission.AdmittedAsync(candidates, cancellationToken);
    }

    /// <summary>A time-ordered id whose time is the event's coarse time, so the id tells no more than the row.</summary>
    private static Guid EventId(DateTime atUtc) => Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc)));

    private static byte[]? EncryptOptional(byte[] caseKey, Guid caseId, string field, string? value) =>
        string.IsNullOrEmpty(value) ? null : Crypto.EncryptText(caseKey, value, CaseField.Context(caseId, field));
}

/// <summary>The outcome of checking a complaint: a complaint and its organisation, or the problems.</summary>
public sealed record CheckedComplaint(Complaint? Complaint, Organisation? Organisation, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Complaint is not null && Organisation is not null;

    /// <summary>The only problem is that no organisation can take complaints: the installation's fault, not the sender's.</summary>
    public bool NobodyCanReceive => Problems.Count > 0 && Problems.All(p => p.Code == ComplaintProblemCode.NoReceivingOrganisation);
}

/// <summary>A case being filed: not stored until committed. The receipt (16 digits) exists only here, never in the database.</summary>
public sealed record NewCase(Case Case, byte[] CaseKey, string? Receipt, Guid? ActorId)
{
    /// <summary>The receipt in groups of four, as the complainant copies it.</summary>
    public string? FormattedReceipt => Receipt is null ? null : Domain.Intake.Receipt.Format(Receipt);

    public List<CaseAttachment> Attachments { get; } = [];
}
