using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Web.Features.Cases;

namespace Qorgau.Web.Features.Evidence;

/// <summary>What the evidence page of a case shows: each item with its custody log in words, and the complainant's attachments not yet registered.</summary>
public sealed class EvidenceShelf(QorgauDbContext db)
{
    public async Task<IReadOnlyList<EvidenceItemView>> ItemsAsync(Case record, byte[] caseKey, CancellationToken cancellationToken)
    {
        var items = await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == record.Id).OrderBy(e => e.AddedAtUtc).ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var logs = (await db.CustodyEntries.AsNoTracking().Where(e => ids.Contains(e.ItemId)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken)).ToLookup(e => e.ItemId);
        var actorIds = logs.SelectMany(l => l).Select(e => e.ActorUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. items.Select(i => new EvidenceItemView(
            i,
            EvidenceLocker.NameOf(i, caseKey),
            EvidenceLocker.DescriptionOf(i, caseKey),
            [.. logs[i.Id].Select(e => new CustodyEntryView(e, names.GetValueOrDefault(e.ActorUserId, "?"), EvidenceLocker.DetailsOf(e, caseKey)))]))];
    }

    /// <summary>The complainant's attachments that are not evidence yet, with their names opened.</summary>
    public async Task<IReadOnlyList<(CaseAttachment Attachment, string Name)>> UnregisteredAttachmentsAsync(Case record, IReadOnlyList<EvidenceItemView> items, byte[] caseKey, CancellationToken cancellationToken)
    {
        var registered = items.Where(i => i.Item.SourceAttachmentId != null).Select(i => i.Item.SourceAttachmentId!.Value).ToHashSet();
        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == record.Id).OrderBy(a => a.AddedOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return [.. attachments.Where(a => !registered.Contains(a.Id)).Select(a => (a, CaseFiles.FileNameOf(a, caseKey)))];
    }

    public Task<EvidenceItem?> ItemAsync(Case record, Guid id, CancellationToken cancellationToken) =>
        db.EvidenceItems.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.CaseId == record.Id, cancellationToken);

    public Task<List<EvidenceItem>> AllAsync(Case record, CancellationToken cancellationToken) =>
        db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == record.Id).OrderBy(e => e.AddedAtUtc).ToListAsync(cancellationToken);

    public Task<CaseAttachment?> AttachmentAsync(Case record, Guid id, CancellationToken cancellationToken) =>
        db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CaseId == record.Id, cancellationToken);

    public Task<bool> HasExaminationAsync(Case record, Guid id, CancellationToken cancellationToken) =>
        db.ForensicExaminations.AnyAsync(e => e.Id == id && e.CaseId == record.Id, cancellationToken);
}

public sealed record EvidenceItemView(EvidenceItem Item, string Name, string? Description, IReadOnlyList<CustodyEntryView> Log);

public sealed record CustodyEntryView(CustodyEntry Entry, string ActorName, CustodyDetails Details);
