using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// One case for a permitted staff member: the classification, the decrypted complaint, the
/// conversation with the complainant and the files. Every opening is audited. Members who may reach
/// the case but hold no key are told why they see no content.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class CaseModel(
    StaffCaseAccess access,
    CaseConversation conversation,
    CaseFiles files,
    QorgauDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CaseOpeningOutcome Outcome { get; private set; }

    public Case Case { get; private set; } = null!;

    public Facility? Facility { get; private set; }

    public CaseContent? Decrypted { get; private set; }

    public IReadOnlyList<ReadableMessage> Messages { get; private set; } = [];

    public IReadOnlyList<(CaseAttachment Attachment, string Name)> Attachments { get; private set; } = [];

    public IReadOnlyList<Case> LookAlikes { get; private set; } = [];

    public int WithdrawalRequests { get; private set; }

    [BindProperty]
    public string? Reply { get; set; }

    public string? ReplyProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "view", cancellationToken);
        return await ShowAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnPostReplyAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "reply", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (CaseConversation.ProblemWith(nameof(Reply), Reply) is { } problem)
        {
            ReplyProblem = ComplaintProblemText.Describe(problem, localizer);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(opening, cancellationToken);
        }

        await conversation.WriteAsync(opening.Case!, opening.CaseKey!, MessageAuthor.Staff, opening.User!.Id, Reply!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}#messages");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(string publicId, Guid id, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, $"attachment={id}", cancellationToken);
        var attachment = opening.Outcome == CaseOpeningOutcome.Opened
            ? await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CaseId == opening.Case!.Id, cancellationToken)
            : null;
        if (attachment is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(new AuditEvent("case.attachment-read", opening.User!.Id, opening.Case!.OrganisationId, "attachment", attachment.Id.ToString()), cancellationToken);
        var name = CaseFiles.FileNameOf(attachment, opening.CaseKey!);
        Response.ContentType = attachment.ContentType;
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = name }.ToString();
        await files.CopyPlaintextAsync(attachment, opening.CaseKey!, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult> ShowAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Outcome = opening.Outcome;
        if (opening.Case is null)
        {
            return NotFound();
        }

        Case = opening.Case;
        Facility = Case.FacilityId is { } facilityId ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken) : null;
        WithdrawalRequests = await db.Withdrawals.CountAsync(w => w.CaseId == Case.Id, cancellationToken);
        LookAlikes = await LookAlikesAsync(Case, cancellationToken);
        if (opening.CaseKey is { } caseKey)
        {
            Decrypted = CaseContent.Decrypt(Case, caseKey);
            Messages = await conversation.ReadAsync(Case.Id, caseKey, cancellationToken);
            var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == Case.Id).OrderBy(a => a.AddedAtUtc).ToListAsync(cancellationToken);
            Attachments = [.. attachments.Select(a => (a, CaseFiles.FileNameOf(a, caseKey)))];
        }

        return Page();
    }

    /// <summary>
    /// Other cases that may be about the same events: same facility, overlapping dates, same victim
    /// sex and age band when known. A hint for a person to judge; nothing is merged.
    /// </summary>
    private async Task<IReadOnlyList<Case>> LookAlikesAsync(Case record, CancellationToken cancellationToken)
    {
        if (record.FacilityId is null)
        {
            return [];
        }

        var from = record.IncidentFrom ?? record.IncidentTo;
        var to = record.IncidentTo ?? record.IncidentFrom;
        var query = db.Cases.AsNoTracking().Where(c => c.Id != record.Id && c.OrganisationId == record.OrganisationId && c.FacilityId == record.FacilityId);
        if (from is not null && to is not null)
        {
            query = query.Where(c => c.IncidentFrom == null || (c.IncidentFrom <= to.Value.AddDays(7) && (c.IncidentTo ?? c.IncidentFrom) >= from.Value.AddDays(-7)));
        }

        if (record.VictimSex is not null)
        {
            query = query.Where(c => c.VictimSex == null || c.VictimSex == record.VictimSex);
        }

        if (record.VictimAgeBand is not null)
        {
            query = query.Where(c => c.VictimAgeBand == null || c.VictimAgeBand == record.VictimAgeBand);
        }

        return await query.OrderByDescending(c => c.ReceivedAtUtc).Take(5).ToListAsync(cancellationToken);
    }
}

/// <summary>The sensitive fields of a case, decrypted for this request only.</summary>
public sealed record CaseContent(string Account, string? Place, string? Contact, string? ChannelDetails)
{
    public static CaseContent Decrypt(Case record, byte[] caseKey) => new(
        Crypto.DecryptText(caseKey, record.AccountCipher, CaseField.Context(record.Id, CaseField.Account)),
        Optional(record.PlaceCipher, record.Id, CaseField.Place, caseKey),
        Optional(record.ContactCipher, record.Id, CaseField.Contact, caseKey),
        Optional(record.ChannelDetailsCipher, record.Id, CaseField.ChannelDetails, caseKey));

    private static string? Optional(byte[]? cipher, Guid caseId, string field, byte[] caseKey) =>
        cipher is null ? null : Crypto.DecryptText(caseKey, cipher, CaseField.Context(caseId, field));
}
