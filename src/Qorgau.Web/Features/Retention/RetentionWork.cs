using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Retention;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Blobs;

namespace Qorgau.Web.Features.Retention;

/// <summary>What one retention run removed: the cases and receipts, and the blob files deleted from the store.</summary>
public sealed record RetentionOutcome(int CasesDeleted, int ReceiptsRetired, int BlobsDeleted, int Skipped);

/// <summary>
/// Applies each organisation's retention periods (<see cref="RetentionRules"/>): lists what is due, and
/// removes it. Removing a case destroys every copy of its key (so any ciphertext left anywhere is useless),
/// its files, messages and records; the case row stays with the classification the statistics count, and its
/// timeline of codes, so published figures do not change. Each removal and its audit entry commit together;
/// the blob files go after the commit (a file left behind by a crash is ciphertext under a destroyed key).
/// </summary>
public sealed class RetentionWork(QorgauDbContext db, AuditLog audit, IBlobStore blobs, JurisdictionProfile profile, TimeProvider clock)
{
    public const string CaseDeletedAction = "retention.case-deleted";
    public const string ReceiptRetiredAction = "retention.receipt-retired";
    public const string ReceiptUsedAction = "receipt.session-opened";

    private TimeZoneInfo Zone => JurisdictionTime.ZoneOf(profile);

    public DateOnly Today => JurisdictionTime.DateOf(Zone, clock.GetUtcNow().UtcDateTime);

    /// <summary>The periods in force for an organisation: its own, or the profile's defaults.</summary>
    public async Task<RetentionPeriods> PeriodsAsync(Guid organisationId, CancellationToken cancellationToken) =>
        RetentionRules.PeriodsFor(profile.Retention, await db.RetentionRules.AsNoTracking().FirstOrDefaultAsync(r => r.OrganisationId == organisationId, cancellationToken));

    /// <summary>Everything due today, of one organisation or of all, blocked or not, in a stable order (organisation, due day, case number).</summary>
    public async Task<IReadOnlyList<RetentionItem>> DueAsync(Guid? organisationId, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationId == null || o.Id == organisationId).Select(o => o.Id).ToListAsync(cancellationToken);
        var due = new List<RetentionItem>();
        foreach (var organisation in organisations)
        {
            var periods = await PeriodsAsync(organisation, cancellationToken);
            if (new[] { periods.ClosedCaseDays, periods.UnusedReceiptDays }.Where(d => d is not null).Min() is not { } shortest)
            {
                continue;
            }

            var facts = await FactsAsync(db.Cases.Where(c => c.OrganisationId == organisation), Today.AddDays(-shortest), cancellationToken);
            due.AddRange(facts.Select(f => RetentionRules.Assess(f, periods, Today)).OfType<RetentionItem>());
        }

        return [.. due.OrderBy(i => i.Case.OrganisationId).ThenBy(i => i.DueOn).ThenBy(i => i.Case.PublicId, StringComparer.Ordinal)];
    }

    /// <summary>Removes what is due and not held back; each item is assessed again inside its own transaction.</summary>
    public async Task<RetentionOutcome> ApplyAsync(Guid? organisationId, CancellationToken cancellationToken)
    {
        int cases = 0, receipts = 0, files = 0, skipped = 0;
        foreach (var item in (await DueAsync(organisationId, cancellationToken)).Where(i => i.Goes))
        {
            var removed = await ApplyAsync(item.Case.CaseId, cancellationToken);
            switch (removed)
            {
                case null:
                    skipped++;
                    break;
                case { Action: RetentionAction.DeleteCase }:
                    cases++;
                    files += await DeleteBlobsAsync(removed.BlobIds);
                    break;
                default:
                    receipts++;
                    break;
            }
        }

        await CompactAsync(cancellationToken);
        return new RetentionOutcome(cases, receipts, files, skipped);
    }

    private sealed record Removal(RetentionAction Action, IReadOnlyList<string> BlobIds);

    /// <summary>One case, in one transaction: assessed again (a hold may have been placed since the list), then removed with its audit entry.</summary>
    private async Task<Removal?> ApplyAsync(Guid caseId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Freed pages are overwritten with zeros, so the removed key copies do not linger in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);
        }

        var record = await db.Cases.FirstAsync(c => c.Id == caseId, cancellationToken);
        var facts = (await FactsAsync(db.Cases.Where(c => c.Id == caseId), cutoff: null, cancellationToken)).SingleOrDefault();
        var item = facts is null ? null : RetentionRules.Assess(facts, await PeriodsAsync(record.OrganisationId, cancellationToken), Today);
        if (item is not { Goes: true })
        {
            return null;
        }

        var removal = item.Action == RetentionAction.DeleteCase
            ? await DeleteCaseAsync(record, item, cancellationToken)
            : await RetireReceiptAsync(record, item, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removal;
    }

    private async Task<Removal> RetireReceiptAsync(Case record, RetentionItem item, CancellationToken cancellationToken)
    {
        var grants = await db.CaseKeyGrants.Where(g => g.CaseId == record.Id && g.RecipientKind == KeyRecipient.Complainant).ExecuteDeleteAsync(cancellationToken);
        await db.ReceiptSessions.Where(s => s.CaseId == record.Id).ExecuteDeleteAsync(cancellationToken);
        record.ReceiptLookup = null;
        await audit.WriteAsync(new AuditEvent(ReceiptRetiredAction, null, record.OrganisationId, "case", record.Id.ToString(), Details(item, $"grants={grants}")), cancellationToken);
        return new Removal(RetentionAction.RetireReceipt, []);
    }

    private async Task<Removal> DeleteCaseAsync(Case record, RetentionItem item, CancellationToken cancellationToken)
    {
        var id = record.Id;
        var blobIds = await db.CaseAttachments.Where(a => a.CaseId == id).Select(a => a.BlobId)
            .Concat(db.EvidenceItems.Where(e => e.CaseId == id).Select(e => e.BlobId))
            .ToListAsync(cancellationToken);
        var evidence = await db.EvidenceItems.CountAsync(e => e.CaseId == id, cancellationToken);
        await DeleteRecordsAsync(id, cancellationToken);
        var grants = await db.CaseKeyGrants.Where(g => g.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Proceedings.Where(p => p.CaseId == id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.RegisterNumber, string.Empty).SetProperty(p => p.PendingReason, (string?)null).SetProperty(p => p.Court, (string?)null),
            cancellationToken);
        Scrub(record);
        await audit.WriteAsync(
            new AuditEvent(CaseDeletedAction, null, record.OrganisationId, "case", id.ToString(), Details(item, $"grants={grants};files={blobIds.Count};evidence={evidence}")),
            cancellationToken);
        return new Removal(RetentionAction.DeleteCase, blobIds);
    }

    /// <summary>Every record of the case but its timeline and its proceeding's codes; children before the rows they point to.</summary>
    private async Task DeleteRecordsAsync(Guid id, CancellationToken cancellationToken)
    {
        await db.StaffNotices.Where(n => n.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.StaffReminders.Where(r => r.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CaseDeadlines.Where(d => d.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CustodyEntries.Where(e => e.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.EvidenceItems.Where(e => e.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Sentences.Where(s => s.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.AccusedOfficials.Where(o => o.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Qualifications.Where(q => q.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CaseAssignments.Where(a => a.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.IndependenceOverrides.Where(o => o.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.PreservationRequests.Where(p => p.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ProtectiveMeasures.Where(m => m.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ForensicExaminations.Where(e => e.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SupportReferrals.Where(r => r.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CompensationClaims.Where(c => c.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.IncidentCases.Where(l => l.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CaseMessages.Where(m => m.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Withdrawals.Where(w => w.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CaseAttachments.Where(a => a.CaseId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ReceiptSessions.Where(s => s.CaseId == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps what the published funnel reads (status, channel, received day, region, facility and its type,
    /// accused agency, ill-treatment type, sex, age band); drops the ciphertexts, the receipt and every other
    /// detail that could single a person out (incident dates, methods, vulnerabilities, legal status, the source file's id).
    /// </summary>
    private void Scrub(Case record)
    {
        record.AccountCipher = null;
        record.PlaceCipher = null;
        record.ContactCipher = null;
        record.ChannelDetailsCipher = null;
        record.ParticularsCipher = null;
        record.ReceiptLookup = null;
        record.ExternalId = null;
        record.Language = null;
        record.ReporterRelation = null;
        record.VictimStillHeld = null;
        record.ContactAllowed = null;
        record.IncidentFrom = null;
        record.IncidentTo = null;
        record.MethodCodes = [];
        record.Vulnerabilities = [];
        record.VictimLegalStatus = null;
        record.PendingReferralOrganisationId = null;
        record.NextDueOn = null;
        record.IsOverdue = false;
        record.IsUrgent = false;
        record.DeletedOn = Today;
        record.Revision++;
    }

    private static string Details(RetentionItem item, string counts) =>
        string.Create(CultureInfo.InvariantCulture, $"closed-on={item.Case.ClosedOn:yyyy-MM-dd};due-on={item.DueOn:yyyy-MM-dd};{counts}");

    private async Task<int> DeleteBlobsAsync(IReadOnlyList<string> blobIds)
    {
        var deleted = 0;
        foreach (var blobId in blobIds)
        {
            try
            {
                await blobs.DeleteAsync(blobId);
                deleted++;
            }
            catch (FileNotFoundException)
            {
                // Already gone (a copy shared with an attachment, or an earlier run that stopped after its commit).
            }
        }

        return deleted;
    }

    /// <summary>On SQLite, folds the write-ahead log into the file (whose freed pages are zeroed) and empties it.</summary>
    private async Task CompactAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }

    /// <summary>The facts of the closed, not yet removed cases among <paramref name="cases"/>, closed on or before <paramref name="cutoff"/> when given.</summary>
    private async Task<List<RetentionFacts>> FactsAsync(IQueryable<Case> cases, DateOnly? cutoff, CancellationToken cancellationToken)
    {
        var closed = RetentionRules.ClosedStatuses.ToList();
        var rows = await cases.AsNoTracking()
            .Where(c => c.DeletedOn == null && closed.Contains(c.Status))
            .Select(c => new
            {
                c.Id,
                c.PublicId,
                c.OrganisationId,
                c.Status,
                c.ReceivedOn,
                HasReceipt = c.ReceiptLookup != null,
                ClosedAt = db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind.StartsWith("action.")).Max(e => (DateTime?)e.OccurredAtUtc),
                Proceeding = db.Proceedings.Where(p => p.CaseId == c.Id).Select(p => new { p.TerminatedOn, p.FinalOn }).FirstOrDefault(),
                Held = db.LegalHolds.Any(h => h.CaseId == c.Id && h.LiftedAtUtc == null),
                MergedIntoKept = c.MergedIntoCaseId != null && db.Cases.Any(t => t.Id == c.MergedIntoCaseId && t.DeletedOn == null),
            })
            .ToListAsync(cancellationToken);
        var facts = rows
            .Select(r => new
            {
                Row = r,
                ClosedOn = r.ClosedAt is { } at ? JurisdictionTime.DateOf(Zone, at) : r.ReceivedOn,
            })
            .Where(r => cutoff is null || r.ClosedOn <= cutoff)
            .ToList();
        var used = await LastUsedAsync([.. facts.Where(f => f.Row.HasReceipt).Select(f => f.Row.Id)], cancellationToken);
        return
        [
            .. facts.Select(f => new RetentionFacts(
                f.Row.Id,
                f.Row.PublicId,
                f.Row.OrganisationId,
                f.Row.Status,
                f.ClosedOn,
                f.Row.HasReceipt,
                used.TryGetValue(f.Row.Id.ToString(), out var last) ? JurisdictionTime.DateOf(Zone, last) : null,
                RetentionRules.IsProceedingOpen(f.Row.Proceeding is not null, f.Row.Proceeding?.TerminatedOn, f.Row.Proceeding?.FinalOn),
                f.Row.Held,
                f.Row.MergedIntoKept)),
        ];
    }

    /// <summary>When each receipt last opened a session, from the audit log (the only record of it that outlives the session).</summary>
    private async Task<Dictionary<string, DateTime>> LastUsedAsync(List<Guid> caseIds, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var chunk in caseIds.Select(id => id.ToString()).Chunk(500))
        {
            var found = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == ReceiptUsedAction && a.SubjectType == "case" && chunk.Contains(a.SubjectId!))
                .GroupBy(a => a.SubjectId!)
                .Select(g => new { Id = g.Key, At = g.Max(a => a.OccurredAtUtc) })
                .ToListAsync(cancellationToken);
            foreach (var f in found)
            {
                last[f.Id] = f.At;
            }
        }

        return last;
    }
}
