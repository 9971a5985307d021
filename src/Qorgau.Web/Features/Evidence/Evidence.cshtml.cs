// Longer than 300 lines because the page has one handler per custody step (add, register, hand over, view, verify, package) over the opening and refusal code they share; what the page shows and how its forms are checked live in EvidenceShelf and EvidenceFormCheck.

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// The evidence of one case: the items with their custody logs, adding one (an upload, or a complainant's
/// attachment), handing one over, viewing or downloading one, verifying them all and the package for a
/// court. Every custody step is signed with the organisation's key, so a member who cannot sign is told
/// why and nothing is recorded. Forms are read as streams, without antiforgery tokens: the staff
/// cookies are SameSite=Strict, so another site cannot post here in a member's name.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
[IgnoreAntiforgeryToken]
[EvidenceForm]
public sealed class EvidenceModel(
    StaffCaseAccess access,
    EvidenceLocker locker,
    SessionSigner sessionSigner,
    EvidencePackage package,
    EvidenceShelf shelf,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Case Case { get; private set; } = null!;

    public CaseOpeningOutcome Outcome { get; private set; }

    public IReadOnlyList<EvidenceItemView> Items { get; private set; } = [];

    public IReadOnlyList<(CaseAttachment Attachment, string Name)> Attachments { get; private set; } = [];

    /// <summary>Why this member cannot sign custody entries, or null when they can.</summary>
    public string? CannotSign { get; private set; }

    /// <summary>Set when an action was refused because the member cannot sign.</summary>
    public bool Refused { get; private set; }

    /// <summary>The fields as posted (or pre-filled), so that nothing typed is lost.</summary>
    public FormFields Posted { get; private set; } = new();

    /// <summary>The form the fields belong to: add, register, hand-over, package.</summary>
    public string? PostedForm { get; private set; }

    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    /// <summary>After the verify button: each item's problems (empty when it verifies).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>>? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publicId, Guid? examination, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "evidence", cancellationToken);
        if (examination is { } id)
        {
            Posted.Add("examination", id.ToString());
            PostedForm = "add";
        }

        return await ShowAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnGetDownloadAsync(string publicId, Guid id, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, $"evidence={id}", cancellationToken);
        var item = opening.Outcome == CaseOpeningOutcome.Opened ? await shelf.ItemAsync(opening.Case!, id, cancellationToken) : null;
        if (item is null)
        {
            return await ShowOrNotFoundAsync(opening, cancellationToken);
        }

        if (await SignerAsync(opening, cancellationToken) is not { } signer)
        {
            return await RefuseAsync(opening, cancellationToken);
        }

        await locker.AppendAsync(opening.Case!, opening.CaseKey!, item, CustodyKind.Viewed, new CustodyDetails(), signer, cancellationToken);
        Response.ContentType = item.ContentType;
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = EvidenceLocker.NameOf(item, opening.CaseKey!) }.ToString();
        Response.ContentLength = item.Length;
        await locker.CopyPlaintextAsync(item, opening.CaseKey!, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostAddAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "evidence-add", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
            return await ShowOrNotFoundAsync(opening, cancellationToken);
        }

        PostedForm = "add";
        var signer = await SignerAsync(opening, cancellationToken);
        EvidenceItem? added = null;
        var fileSent = false;
        Posted = await StreamingForm.ReadAsync(
            Request,
            async (fields, file) =>
            {
                if (file.IsEmpty || fileSent)
                {
                    return;
                }

                fileSent = true;
                if (signer is null || await CheckAsync(fields, opening.Case!, cancellationToken) is not { } input)
                {
                    return;
                }

                try
                {
                    added = await locker.AddAsync(opening.Case!, opening.CaseKey!, input, file.FileName, file.ContentType, file.Content, signer, cancellationToken);
                }
                catch (EvidenceTooLargeException)
                {
                    Problems["file"] = localizer["Evidence.Problem.TooLarge"];
                }
                catch (EvidenceTypeMismatchException)
                {
                    Problems["file"] = localizer["Evidence.Problem.TypeMismatch"];
                }
            },
            cancellationToken);
        if (added is not null)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}/evidence#item-{added.Id}");
        }

        if (signer is null)
        {
            return await RefuseAsync(opening, cancellationToken);
        }

        await CheckAsync(Posted, opening.Case!, cancellationToken);
        if (!fileSent)
        {
            Problems["file"] = localizer["Evidence.Problem.NoFile"];
        }

        return await InvalidAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnPostRegisterAsync(string publicId, CancellationToken cancellationToken)
    {
        var (opening, signer) = await OpenForCustodyAsync(publicId, "evidence-register", "register", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened || signer is null)
        {
            return await RefuseOrShowAsync(opening, cancellationToken);
        }

        var attachment = Guid.TryParse(Posted["attachment"], out var attachmentId)
            ? await shelf.AttachmentAsync(opening.Case!, attachmentId, cancellationToken)
            : null;
        if (attachment is null)
        {
            Problems["attachment"] = localizer["Complaint.Problem.required"];
        }

        if (await CheckAsync(Posted, opening.Case!, cancellationToken) is not { } input || attachment is null)
        {
            return await InvalidAsync(opening, cancellationToken);
        }

        var item = await locker.RegisterAttachmentAsync(opening.Case!, opening.CaseKey!, attachment, input, signer, cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}/evidence#item-{item.Id}");
    }

    public async Task<IActionResult> OnPostHandOverAsync(string publicId, CancellationToken cancellationToken)
    {
        var (opening, signer) = await OpenForCustodyAsync(publicId, "evidence-hand-over", "hand-over", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened || signer is null)
        {
            return await RefuseOrShowAsync(opening, cancellationToken);
        }

        var item = Guid.TryParse(Posted["item"], out var id) ? await shelf.ItemAsync(opening.Case!, id, cancellationToken) : null;
        if (item is null)
        {
            return NotFound();
        }

        var to = Check.Text(Posted, "to", required: true);
        var why = Check.Text(Posted, "why", required: true);
        if (Problems.Count > 0)
        {
            return await InvalidAsync(opening, cancellationToken);
        }

        await locker.AppendAsync(opening.Case!, opening.CaseKey!, item, CustodyKind.HandedOver, new CustodyDetails(to, why), signer, cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}/evidence#item-{item.Id}");
    }

    public async Task<IActionResult> OnPostVerifyAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "evidence-verify", cancellationToken);
        await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowOrNotFoundAsync(opening, cancellationToken);
        }

        var keys = await locker.SigningKeysAsync(cancellationToken);
        var results = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var item in await shelf.AllAsync(opening.Case!, cancellationToken))
        {
            var problems = await locker.VerifyAsync(item, keys, opening.CaseKey, cancellationToken);
            results[item.Id] = [.. problems.Select(p => ProblemText.Describe(localizer, ProblemArea.Evidence, p))];
        }

        Verification = results;
        await audit.WriteAsync(new AuditEvent("evidence.verified", opening.User!.Id, opening.Case!.OrganisationId, "case", opening.Case.Id.ToString(), $"items={results.Count} failed={results.Count(r => r.Value.Count > 0)}"), cancellationToken);
        return await ShowAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnPostPackageAsync(string publicId, CancellationToken cancellationToken)
    {
        var (opening, signer) = await OpenForCustodyAsync(publicId, "evidence-package", "package", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened || signer is null)
        {
            return await RefuseOrShowAsync(opening, cancellationToken);
        }

        var recipient = Check.Text(Posted, "recipient", required: true);
        var items = await shelf.AllAsync(opening.Case!, cancellationToken);
        if (items.Count == 0)
        {
            Problems["recipient"] = localizer["Evidence.Problem.NoItems"];
        }

        if (Problems.Count > 0)
        {
            return await InvalidAsync(opening, cancellationToken);
        }

        await audit.WriteAsync(new AuditEvent("evidence.package-exported", opening.User!.Id, opening.Case!.OrganisationId, "case", opening.Case.Id.ToString(), $"items={items.Count}"), cancellationToken);
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = $"evidence-{opening.Case.PublicId}.zip" }.ToString();
        await package.WriteAsync(Response.Body, opening.Case, opening.CaseKey!, items, recipient!, signer, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Opens the case, reads the (small, file-less) form and finds the member's signing key.</summary>
    private async Task<(CaseOpening Opening, CustodySigner? Signer)> OpenForCustodyAsync(string publicId, string purpose, string form, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, purpose, cancellationToken);
        Posted = await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        PostedForm = form;
        return (opening, opening.Outcome == CaseOpeningOutcome.Opened ? await SignerAsync(opening, cancellationToken) : null);
    }

    private Task<CustodySigner?> SignerAsync(CaseOpening opening, CancellationToken cancellationToken) =>
        sessionSigner.OfAsync(opening.Case!, opening.User!, cancellationToken);

    /// <summary>The form's problems, or the new item; an examination must be one of this case's.</summary>
    private Task<NewEvidence?> CheckAsync(FormFields fields, Case record, CancellationToken cancellationToken) =>
        Check.NewItemAsync(fields, id => shelf.HasExaminationAsync(record, id, cancellationToken));

    private EvidenceFormCheck Check => new(Problems, localizer);

    private async Task<IActionResult> InvalidAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(opening, cancellationToken);
    }

    private async Task<IActionResult> RefuseAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Refused = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return await ShowAsync(opening, cancellationToken);
    }

    private Task<IActionResult> RefuseOrShowAsync(CaseOpening opening, CancellationToken cancellationToken) =>
        opening.Outcome == CaseOpeningOutcome.Opened ? RefuseAsync(opening, cancellationToken) : ShowOrNotFoundAsync(opening, cancellationToken);

    private async Task<IActionResult> ShowOrNotFoundAsync(CaseOpening opening, CancellationToken cancellationToken) =>
        opening.Case is null ? NoSuchCase() : await ShowAsync(opening, cancellationToken);

    /// <summary>
    /// "No such case". A streamed multipart body has been read, so the error page cannot be shown in this
    /// request (it would try to read the form again): the browser is sent to the page, which answers 404.
    /// </summary>
    private IActionResult NoSuchCase() =>
        HttpMethods.IsPost(Request.Method) && Request.HasFormContentType && Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? SeeThePage()
            : NotFound();

    private StatusCodeResult SeeThePage()
    {
        Response.Headers.Location = Request.Path.Value;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<IActionResult> ShowAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Outcome = opening.Outcome;
        if (opening.Case is null)
        {
            return NoSuchCase();
        }

        Case = opening.Case;
        if (opening.CaseKey is not { } caseKey)
        {
            return Page();
        }

        await sessionSigner.HandOutAsync(Case, opening.User!, cancellationToken);
        CannotSign = await SignerAsync(opening, cancellationToken) is null ? localizer["Evidence.CannotSign"].Value : null;
        Items = await shelf.ItemsAsync(Case, caseKey, cancellationToken);
        Attachments = await shelf.UnregisteredAttachmentsAsync(Case, Items, caseKey, cancellationToken);
        return Page();
    }

    public string? Value(string form, string name) => PostedForm == form ? Posted[name] : null;
}

/// <summary>The shared fields of the add and register forms, and which of the two they belong to.</summary>
public sealed record EvidenceFieldsView(EvidenceModel Page, string Form);
