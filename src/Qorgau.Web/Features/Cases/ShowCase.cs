using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// What the case page shows a member who reaches the case: the record, what may be done now, the people to
/// choose from, look-alike cases, and, with the key, the content, the conversation and the files.
/// </summary>
public static class ShowCase
{
    /// <summary>The page's query: the day the timeline is shown as of (<c>yyyy-MM-dd</c>), if any.</summary>
    public sealed record Query(string? AsOf, bool MayAssign);

    public sealed record Result(
        CaseDossier Dossier,
        IReadOnlyList<string> AllowedActions,
        CaseSnapshot? Snapshot,
        IReadOnlyList<Organisation> Organisations,
        IReadOnlyList<StaffUser> Monitors,
        IReadOnlyList<AssignmentCandidate> AssignChoices,
        Facility? Facility,
        int WithdrawalRequests,
        IReadOnlyList<Case> LookAlikes)
    {
        /// <summary>The day in the jurisdiction's time zone (the default day of an action's form).</summary>
        public DateOnly Today { get; init; }

        public CaseContent? Decrypted { get; init; }

        public IReadOnlyDictionary<Guid, string> OfficialNames { get; init; } = new Dictionary<Guid, string>();

        public IReadOnlyList<ReadableMessage> Messages { get; init; } = [];

        public CaseParticulars? Particulars { get; init; }

        public IReadOnlyList<(CaseAttachment Attachment, string Name, AttachmentDetails Details)> Attachments { get; init; } = [];
    }

    public sealed class Handler(QorgauDbContext db, CaseConversation conversation, CaseTeam team, CaseDeadlineTracker deadlines, UserManager<StaffUser> users, VisibleCases visible)
    {
        public async Task<Result> HandleAsync(Case record, StaffUser member, byte[]? caseKey, Query query, CancellationToken cancellationToken)
        {
            var dossier = await CaseDossier.LoadAsync(db, record, cancellationToken);
            var result = new Result(
                dossier,
                CaseRules.AllowedNow(record.Status, dossier.Withdrawals, record.PendingReferralOrganisationId is not null),
                SnapshotOf(dossier, query.AsOf),
                await db.Organisations.AsNoTracking().Where(o => o.PublicKey != null).OrderBy(o => o.Code).ToListAsync(cancellationToken),
                dossier.Withdrawals.Any(w => w.IsFollowUpPending) ? [.. await users.GetUsersInRoleAsync(StaffRole.Monitor)] : [],
                query.MayAssign ? await team.CandidatesAsync(record, cancellationToken) : [],
                record.FacilityId is { } facilityId ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken) : null,
                await db.Withdrawals.CountAsync(w => w.CaseId == record.Id, cancellationToken),
                await LookAlikesAsync(record, member.Id, cancellationToken))
            {
                Today = deadlines.Today,
            };
            return caseKey is null ? result : await WithContentAsync(result, record, caseKey, cancellationToken);
        }

        private async Task<Result> WithContentAsync(Result result, Case record, byte[] caseKey, CancellationToken cancellationToken)
        {
            var particulars = CaseParticulars.Of(record, caseKey);
            await SealLegacyParticularsAsync(record, particulars, caseKey, cancellationToken);
            var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == record.Id).ToListAsync(cancellationToken);
            return result with
            {
                Decrypted = CaseContent.Decrypt(record, caseKey),
                OfficialNames = result.Dossier.Officials.Where(o => o.NameCipher is not null)
                    .ToDictionary(o => o.Id, o => Crypto.DecryptText(caseKey, o.NameCipher!, CaseField.OfficialNameContext(record.Id, o.Id))),
                Messages = await conversation.ReadAsync(record.Id, caseKey, cancellationToken),
                Particulars = particulars,
                Attachments = [.. attachments.Select(a => (a, CaseFiles.FileNameOf(a, caseKey), AttachmentDetails.Of(a, caseKey)))
                    .OrderBy(a => a.a.AddedOn).ThenBy(a => a.Item3.AddedAtUtc).ThenBy(a => a.a.Id)],
            };
        }

        private static CaseSnapshot? SnapshotOf(CaseDossier dossier, string? asOf) =>
            asOf is not null && DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOfDay)
                ? CaseHistory.StateAt(dossier.Events, asOfDay.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc))
                : null;

        /// <summary>
        /// A case stored before the particulars were encrypted holds them in clear: the first opening with
        /// the key moves them under it. One conditional update of those columns only, so it never races a
        /// workflow action's revision check.
        /// </summary>
        private async Task SealLegacyParticularsAsync(Case record, CaseParticulars particulars, byte[] caseKey, CancellationToken cancellationToken)
        {
            if (record.ParticularsCipher is not null || (record.Language, record.ReporterRelation, record.VictimStillHeld, record.ContactAllowed) is (null, null, null, null))
            {
                return;
            }

            var cipher = particulars.Encrypt(caseKey, record.Id);
            await db.Cases.Where(c => c.Id == record.Id && c.ParticularsCipher == null).ExecuteUpdateAsync(
                set => set.SetProperty(c => c.ParticularsCipher, cipher).SetProperty(c => c.Language, (string?)null)
                    .SetProperty(c => c.ReporterRelation, (ReporterRelation?)null).SetProperty(c => c.VictimStillHeld, (bool?)null).SetProperty(c => c.ContactAllowed, (bool?)null),
                cancellationToken);
        }

        /// <summary>Other cases of the organisation that may be about the same events (<see cref="LookAlike.SameEvents"/>): a hint for a person to judge; nothing is merged.</summary>
        private async Task<IReadOnlyList<Case>> LookAlikesAsync(Case record, Guid viewerId, CancellationToken cancellationToken)
        {
            var query = await visible.FilterAsync(viewerId, db.Cases.AsNoTracking().Where(c => c.OrganisationId == record.OrganisationId).Where(LookAlike.SameEvents(record)), cancellationToken);
            return await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.ReceivedSequence).Take(5).ToListAsync(cancellationToken);
        }
    }
}

/// <summary>The sensitive fields of a case, decrypted for this request only.</summary>
/// <remarks><see cref="Account"/> is null for a case brought in by the historical import: it has no complaint text.</remarks>
public sealed record CaseContent(string? Account, string? Place, string? Contact, string? ChannelDetails)
{
    public static CaseContent Decrypt(Case record, byte[] caseKey) => new(
        Optional(record.AccountCipher, record.Id, CaseField.Account, caseKey),
        Optional(record.PlaceCipher, record.Id, CaseField.Place, caseKey),
        Optional(record.ContactCipher, record.Id, CaseField.Contact, caseKey),
        Optional(record.ChannelDetailsCipher, record.Id, CaseField.ChannelDetails, caseKey));

    private static string? Optional(byte[]? cipher, Guid caseId, string field, byte[] caseKey) =>
        cipher is null ? null : Crypto.DecryptText(caseKey, cipher, CaseField.Context(caseId, field));
}
