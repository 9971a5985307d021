using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// The complainant's view of their case, opened with the receipt: status in plain words, the
/// conversation, adding information and files, asking to withdraw. The session cookie is SameSite=Strict,
/// so another site cannot post here in the complainant's name.
/// </summary>
[IgnoreAntiforgeryToken]
[StreamedForm]
public sealed class ReceiptCaseModel(
    ReceiptSessions sessions,
    CaseConversation conversation,
    CaseFiles files,
    QorgauDbContext db,
    IOptions<IntakeOptions> options,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Case Case { get; private set; } = null!;

    public string Status { get; private set; } = string.Empty;

    public IReadOnlyList<ReadableMessage> Messages { get; private set; } = [];

    public string? MessageText { get; private set; }

    public string? MessageProblem { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public string? Outcome { get; private set; }

    public bool WithdrawalRequested { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is not { } access)
        {
            return Redirect("/receipt");
        }

        Outcome = done switch
        {
            "message" => localizer["Receipt.MessageSent"].Value,
            "withdrawal" => localizer["Receipt.WithdrawalRecorded"].Value,
            _ => null,
        };
        await LoadAsync(access, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMessageAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is not { } access)
        {
            return Redirect("/receipt");
        }

        var added = new List<CaseAttachment>();
        Problem? attachmentProblem = null;
        FormFields fields;
        try
        {
            fields = await StreamingForm.ReadAsync(Request, async (_, file) =>
            {
                if (file.IsEmpty || attachmentProblem is not null)
                {
                    return;
                }

                try
                {
                    if (added.Count >= options.Value.MaxAttachments)
                    {
                        throw new AttachmentRejectedException(AttachmentProblemCode.TooMany);
                    }

                    added.Add(await files.AddAsync(access.Case.Id, access.CaseKey, file.FileName, file.ContentType, file.Content, MessageAuthor.Complainant, cancellationToken));
                }
                catch (AttachmentRejectedException rejected)
                {
                    attachmentProblem = options.Value.Attachments.ProblemOf(rejected.Code);
                }
            }, cancellationToken);
        }
        catch (FormTokenRefusedException refused)
        {
            // Refused before any file: nothing was stored. The page again, with the text typed.
            MessageText = refused.FieldsSoFar["text"];
            MessageProblem = localizer["Form.TokenRefused"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(access, cancellationToken);
            return Page();
        }

        MessageText = fields["text"];
        // Files alone are information enough; text alone too; neither is nothing to send.
        var problem = CaseConversation.ProblemWith("text", MessageText, required: added.Count == 0);
        if (problem is not null || attachmentProblem is not null)
        {
            db.ChangeTracker.Clear();
            await files.DiscardAsync(added);
            MessageProblem = attachmentProblem is { } fileProblem
                ? ProblemText.Describe(localizer, ProblemArea.Attachment, fileProblem)
                : ProblemText.Describe(localizer, ProblemArea.Complaint, problem!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(access, cancellationToken);
            return Page();
        }

        if (!string.IsNullOrWhiteSpace(MessageText))
        {
            await conversation.WriteAsync(access.Case, access.CaseKey, MessageAuthor.Complainant, null, MessageText, cancellationToken);
        }

        foreach (var attachment in added)
        {
            db.CaseEvents.Add(CaseEvents.AttachmentAdded(access.Case.Id, files.EventTimeOf(attachment), null, attachment.Id, files.EventIdOf(attachment)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/receipt/case?done=message");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is not { } access)
        {
            return Redirect("/receipt");
        }

        var fields = await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        WithdrawalReason = fields["reason"];
        if (CaseConversation.ProblemWith("reason", WithdrawalReason, required: false) is { } problem)
        {
            MessageProblem = ProblemText.Describe(localizer, ProblemArea.Complaint, problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(access, cancellationToken);
            return Page();
        }

        conversation.RequestWithdrawal(access.Case, access.CaseKey, MessageAuthor.Complainant, null, WithdrawalReason);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/receipt/case?done=withdrawal");
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken)
    {
        await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        await sessions.EndAsync(Request.Cookies[ReceiptSessions.CookieName], cancellationToken);
        Response.Cookies.Delete(ReceiptSessions.CookieName, new CookieOptions { Path = "/receipt" });
        return Redirect("/");
    }

    private Task<ComplainantAccess?> OpenAsync(CancellationToken cancellationToken) =>
        sessions.OpenAsync(Request.Cookies[ReceiptSessions.CookieName], cancellationToken);

    private async Task LoadAsync(ComplainantAccess access, CancellationToken cancellationToken)
    {
        Case = access.Case;
        Status = ComplainantStatus.Of(access.Case);
        Messages = await conversation.ReadAsync(access.Case.Id, access.CaseKey, cancellationToken);
        WithdrawalRequested = await db.Withdrawals.AnyAsync(w => w.CaseId == access.Case.Id, cancellationToken);
    }
}
