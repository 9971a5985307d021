using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;
using static Qorgau.Web.Features.Monitoring.MonitoringWork;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// An organisation's register of complaint boxes: the boxes, their openings (who opened, witnesses under
/// the opening's own key, the seals, the items) and the items recorded as complaints. Nothing of it
/// exists for another organisation or for an administrator; every read is audited, and every change is
/// written with its audit entry in one <c>SaveChanges</c>.
/// </summary>
public sealed class BoxRegister(
    QorgauDbContext db,
    UserManager<StaffUser> users,
    MonitoringWork work,
    FacilityRegistry facilities,
    CaseKeyring keyring,
    AuditLog audit,
    JurisdictionProfile profile,
    TimeProvider clock)
{
    /// <summary>Roles that keep the register and open boxes: monitors, intake operators (boxes are an intake channel) and supervisors.</summary>
    private static readonly string[] KeeperRoles = [StaffRole.Monitor, StaffRole.IntakeOperator, StaffRole.Supervisor];

    public DateOnly Today => work.Today;

    public int IntervalDays => ComplaintBoxRules.IntervalDays(profile);

    public IQueryable<ComplaintBox> Visible(VisitViewer viewer) =>
        viewer.IsAdministrator || viewer.OrganisationId is not { } organisationId
            ? db.ComplaintBoxes.Where(b => false)
            : db.ComplaintBoxes.Where(b => b.OrganisationId == organisationId);

    /// <summary>The organisation's boxes (of one facility, or all) with their last opening and whether each is overdue.</summary>
    public async Task<IReadOnlyList<BoxRow>> ListAsync(MonitoringMember member, Guid? facilityId, CancellationToken cancellationToken)
    {
        var boxes = Visible(member.Viewer).AsNoTracking();
        if (facilityId is { } facility)
        {
            boxes = boxes.Where(b => b.FacilityId == facility);
        }

        var rows = await boxes
            .Join(db.Facilities, b => b.FacilityId, f => f.Id, (b, f) => new
            {
                Box = b,
                Facility = f,
                Last = db.BoxOpenings.Where(o => o.BoxId == b.Id).OrderByDescending(o => o.OpenedOn).ThenByDescending(o => o.RecordedAtUtc).FirstOrDefault(),
                Openings = db.BoxOpenings.Count(o => o.BoxId == b.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Row(r.Box, r.Facility, r.Last, r.Openings)).OrderByDescending(r => r.IsOverdue).ThenBy(r => r.Facility.Code, StringComparer.Ordinal).ThenBy(r => r.Box.Reference, StringComparer.Ordinal)];
    }

    public Task<ComplaintBox?> FindAsync(MonitoringMember member, Guid id, CancellationToken cancellationToken) =>
        Visible(member.Viewer).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public async Task<bool> MayKeepAsync(MonitoringMember member) =>
        !member.Viewer.IsAdministrator && (await users.GetRolesAsync(member.User)).Any(KeeperRoles.Contains);

    /// <summary>The members who may open a box with the recorder: the organisation's keepers.</summary>
    public async Task<IReadOnlyList<StaffUser>> KeepersAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var keepers = new List<StaffUser>();
        foreach (var role in KeeperRoles)
        {
            keepers.AddRange(await users.GetUsersInRoleAsync(role));
        }

        return [.. keepers.Where(u => u.OrganisationId == organisationId).DistinctBy(u => u.Id).OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
    }

    public async Task<(ComplaintBox? Box, List<Problem> Problems)> AddAsync(MonitoringMember member, BoxForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (!await MayKeepAsync(member))
        {
            return (null, [new Problem("team", MonitoringProblemCode.NotAllowed)]);
        }

        var facility = await facilities.FindAsync(problems, form.Facility, cancellationToken);
        var reference = FieldParser.Text(problems, "reference", form.Reference, ComplaintBoxRules.MaxSeal, required: true);
        var location = FieldParser.Text(problems, "location", form.Location, MonitoringRules.MaxShortText, required: true);
        var registeredOn = string.IsNullOrWhiteSpace(form.RegisteredOn) ? Today : FieldParser.Day(problems, "registeredOn", form.RegisteredOn);
        if (registeredOn > Today)
        {
            problems.Add(new Problem("registeredOn", MonitoringProblemCode.FutureDate));
        }

        if (facility is not null && reference is not null && await Visible(member.Viewer).AnyAsync(b => b.FacilityId == facility.Id && b.Reference == reference, cancellationToken))
        {
            problems.Add(new Problem("reference", ComplaintBoxRules.Duplicate));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var box = new ComplaintBox
        {
            OrganisationId = member.User.OrganisationId!.Value,
            FacilityId = facility!.Id,
            Reference = reference!,
            Location = location!,
            RegisteredOn = registeredOn!.Value,
            RegisteredAtUtc = Now,
            RegisteredByUserId = member.User.Id,
        };
        db.ComplaintBoxes.Add(box);
        await audit.WriteAsync(new AuditEvent("box.registered", member.User.Id, box.OrganisationId, "box", box.Id.ToString(), $"facility={facility.Code}"), cancellationToken);
        return (box, problems);
    }

    /// <summary>The box with its openings, openers, witnesses (decrypted when the member holds the opening's key) and the items recorded; audited.</summary>
    public async Task<BoxRecord> ReadAsync(MonitoringMember member, ComplaintBox box, CancellationToken cancellationToken)
    {
        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == box.FacilityId, cancellationToken);
        var openings = await db.BoxOpenings.AsNoTracking().Where(o => o.BoxId == box.Id).OrderByDescending(o => o.OpenedOn).ThenByDescending(o => o.RecordedAtUtc).ToListAsync(cancellationToken);
        var ids = openings.Select(o => o.Id).ToList();
        var openers = await db.BoxOpeners.AsNoTracking().Where(o => ids.Contains(o.OpeningId))
            .Join(db.Users, o => o.UserId, u => u.Id, (o, u) => new { o.OpeningId, u.DisplayName }).ToListAsync(cancellationToken);
        var items = await db.BoxItems.AsNoTracking().Where(i => ids.Contains(i.OpeningId))
            .Join(db.Cases, i => i.CaseId, c => c.Id, (i, c) => new { i.OpeningId, i.Number, c.PublicId }).ToListAsync(cancellationToken);
        var rows = new List<OpeningRow>();
        foreach (var opening in openings)
        {
            var key = opening.WitnessesCipher is null ? null : await work.KeyAsync(member, opening.Id, cancellationToken);
            rows.Add(new OpeningRow(
                opening,
                [.. openers.Where(o => o.OpeningId == opening.Id).Select(o => o.DisplayName).Order(StringComparer.Ordinal)],
                key is null ? null : Crypto.DecryptText(key, opening.WitnessesCipher!, BoxField.Context(opening.Id, "witnesses")),
                opening.WitnessesCipher is not null,
                items.Where(i => i.OpeningId == opening.Id).ToDictionary(i => i.Number, i => i.PublicId)));
        }

        var last = openings.FirstOrDefault();
        await audit.WriteAsync(new AuditEvent("box.read", member.User.Id, box.OrganisationId, "box", box.Id.ToString(), $"openings={openings.Count}"), cancellationToken);
        return new BoxRecord(Row(box, facility, last, openings.Count), rows);
    }

    /// <summary>
    /// Records an opening: its day, openers (the recorder and members of the organisation who keep boxes),
    /// witnesses (encrypted under a new key sealed to the organisation and the openers), the seals and
    /// the items. A seal found that is not the one left last time is recorded and flagged.
    /// </summary>
    public async Task<(BoxOpening? Opening, List<Problem> Problems)> OpenAsync(MonitoringMember member, ComplaintBox box, OpeningForm form, CancellationToken cancellationToken)
    {
        if (!await MayKeepAsync(member))
        {
            return (null, [new Problem("team", MonitoringProblemCode.NotAllowed)]);
        }

        var problems = new List<Problem>();
        var openedOn = string.IsNullOrWhiteSpace(form.OpenedOn) ? Today : FieldParser.Day(problems, "openedOn", form.OpenedOn);
        var sealFound = FieldParser.Text(problems, "sealFound", form.SealFound, ComplaintBoxRules.MaxSeal, required: true);
        var sealLeft = FieldParser.Text(problems, "sealLeft", form.SealLeft, ComplaintBoxRules.MaxSeal, required: true);
        var items = FieldParser.Count(problems, "items", form.Items, 0, ComplaintBoxRules.MaxItems, required: true);
        var witnesses = FieldParser.Text(problems, "witnesses", form.Witnesses, MonitoringRules.MaxText);
        var keepers = await KeepersAsync(member.User.OrganisationId!.Value, cancellationToken);
        var ids = form.Openers.Append(member.User.Id).Distinct().ToList();
        var openers = keepers.Where(k => ids.Contains(k.Id)).ToList();
        if (openers.Count != ids.Count)
        {
            problems.Add(new Problem("openers", MonitoringProblemCode.Unknown));
        }

        var last = await db.BoxOpenings.AsNoTracking().Where(o => o.BoxId == box.Id).OrderByDescending(o => o.OpenedOn).ThenByDescending(o => o.RecordedAtUtc).FirstOrDefaultAsync(cancellationToken);
        if (openedOn is { } day && sealFound is not null && sealLeft is not null)
        {
            problems.AddRange(ComplaintBoxRules.CheckOpening(box, last?.OpenedOn, day, Today, sealFound, sealLeft, openers.Count));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var organisation = await db.Organisations.FirstAsync(o => o.Id == box.OrganisationId, cancellationToken);
        var id = Guid.CreateVersion7();
        var key = witnesses is null ? null : keyring.NewCaseKey(id, organisation, openers, complainantPublicKey: null);
        var opening = new BoxOpening
        {
            Id = id,
            BoxId = box.Id,
            OrganisationId = box.OrganisationId,
            OpenedOn = openedOn!.Value,
            SealFound = sealFound!,
            SealLeft = sealLeft!,
            SealBroken = ComplaintBoxRules.IsSealBroken(last?.SealLeft, sealFound!),
            Items = items!.Value,
            RecordedAtUtc = Now,
            RecordedByUserId = member.User.Id,
            WitnessesCipher = key is null ? null : Crypto.EncryptText(key, witnesses!, BoxField.Context(id, "witnesses")),
        };
        db.BoxOpenings.Add(opening);
        db.BoxOpeners.AddRange(openers.Select(u => new BoxOpener { OpeningId = id, UserId = u.Id }));
        await audit.WriteAsync(new AuditEvent("box.opened", member.User.Id, box.OrganisationId, "box", box.Id.ToString(), $"opening={id} items={opening.Items} seal-broken={(opening.SealBroken ? "yes" : "no")}"), cancellationToken);
        return (opening, problems);
    }

    /// <summary>
    /// The item of an opening about to be recorded as a complaint by this member: the opening of one of
    /// their organisation's boxes, an item found there and not yet recorded. Null with a problem otherwise.
    /// </summary>
    public async Task<(BoxItemTarget? Target, Problem? Problem)> CheckItemAsync(MonitoringMember member, Guid openingId, int number, CancellationToken cancellationToken)
    {
        var found = await db.BoxOpenings.AsNoTracking().Where(o => o.Id == openingId)
            .Join(Visible(member.Viewer), o => o.BoxId, b => b.Id, (o, b) => new { Opening = o, Box = b })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !await MayKeepAsync(member))
        {
            return (null, new Problem("item", MonitoringProblemCode.Unknown));
        }

        var recorded = await db.BoxItems.Where(i => i.OpeningId == openingId).Select(i => i.Number).ToListAsync(cancellationToken);
        var problems = ComplaintBoxRules.CheckItem(found.Opening, number, recorded);
        return problems.Count == 0 ? (new BoxItemTarget(found.Box, found.Opening, number), null) : (null, problems[0]);
    }

    /// <summary>Links the new case to the item; saved with the case and its audit entry by the intake's commit.</summary>
    public void StageItem(BoxItemTarget target, Guid caseId) =>
        db.BoxItems.Add(new BoxItem { OpeningId = target.Opening.Id, Number = target.Number, CaseId = caseId });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private BoxRow Row(ComplaintBox box, Facility facility, BoxOpening? last, int openings)
    {
        var dueOn = ComplaintBoxRules.DueOn(box.RegisteredOn, last?.OpenedOn, IntervalDays);
        return new BoxRow(box, facility, last, openings, dueOn, ComplaintBoxRules.IsOverdue(box.RegisteredOn, last?.OpenedOn, IntervalDays, Today));
    }
}

public sealed class BoxForm
{
    public string? Facility { get; set; }

    public string? Reference { get; set; }

    public string? Location { get; set; }

    public string? RegisteredOn { get; set; }
}

public sealed class OpeningForm
{
    public string? OpenedOn { get; set; }

    public List<Guid> Openers { get; set; } = [];

    public string? Witnesses { get; set; }

    public string? SealFound { get; set; }

    public string? SealLeft { get; set; }

    public string? Items { get; set; }
}

public sealed record BoxRow(ComplaintBox Box, Facility Facility, BoxOpening? Last, int Openings, DateOnly DueOn, bool IsOverdue);

/// <param name="Items">The items recorded as complaints: item number → the case's public number.</param>
public sealed record OpeningRow(BoxOpening Opening, IReadOnlyList<string> Openers, string? Witnesses, bool HasWitnesses, IReadOnlyDictionary<int, string> Items);

public sealed record BoxRecord(BoxRow Box, IReadOnlyList<OpeningRow> Openings);

public sealed record BoxItemTarget(ComplaintBox Box, BoxOpening Opening, int Number)
{
    public string Reference => ComplaintBoxRules.ItemReference(Box, Opening, Number);
}
