using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Qorgau.Domain.Cases;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// The evidence of one case: the items with their custody logs, adding one (an upload, or a complainant's
/// attachment), handing one over, viewing or downloading one, verifying them all and the package for a
/// court. Every custody step is signed with the organisation's key, so a member who cannot sign is told
/// why and nothing is recorded. Each form posts to one use case (<see cref="AddEvidence"/>,
/// <see cref="HandOverEvidence"/>...). Forms are read as streams, without antiforgery tokens: the staff
/// cookies are SameSite=Strict, so another site cannot post here in a member's name.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
[IgnoreAntiforgeryToken]
[EvidenceForm]
public sealed class EvidenceModel(StaffCaseAccess access, ShowEvidence.Handler show) : CasePageModel(access)
{
    private ShowEvidence.Result? _shown;

    public IReadOnlyList<EvidenceItemView> Items => _shown?.Items ?? [];

    public IReadOnlyList<(CaseAttachment Attachment, string Name)> Attachments => _shown?.Attachments ?? [];

    /// <summary>Why this member cannot sign custody entries, or null when they can.</summary>
    public string? CannotSign => _shown?.CannotSign;

    /// <summary>A key holder of the case's organisation, who may give colleagues the custody signing key.</summary>
    public bool IsKeyHolder => _shown?.IsKeyHolder ?? false;

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
        await OpenAsync(publicId, "evidence", cancellationToken);
        if (examination is { } id)
        {
            Posted.Add("examination", id.ToString());
            PostedForm = "add";
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetDownloadAsync(string publicId, ViewEvidence.Command input, [FromServices] ViewEvidence.Handler handler, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(publicId, $"evidence={input.Id}", cancellationToken);
        var step = opened is null ? EvidenceStep.NoSuchItem : await handler.HandleAsync(opened, input, cancellationToken);
        return step.Outcome == EvidenceStepOutcome.NoSuchItem ? await ShowOrNotFoundAsync(cancellationToken) : await AnswerAsync(step, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(string publicId, [FromServices] AddEvidence.Handler handler, CancellationToken cancellationToken)
    {
        if (await OpenAsync(publicId, "evidence-add", cancellationToken) is not { } opened)
        {
            await ReadAndDropFormAsync(cancellationToken);
            return await ShowOrNotFoundAsync(cancellationToken);
        }

        PostedForm = "add";
        (var step, Posted) = await handler.HandleAsync(opened, Request, cancellationToken);
        return await AnswerAsync(step, cancellationToken);
    }

    public Task<IActionResult> OnPostRegisterAsync(string publicId, [FromServices] RegisterAttachment.Handler handler, CancellationToken cancellationToken) =>
        CustodyStepAsync(publicId, "evidence-register", "register", (opened, posted) => handler.HandleAsync(opened, posted, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostHandOverAsync(string publicId, [FromServices] HandOverEvidence.Handler handler, CancellationToken cancellationToken) =>
        CustodyStepAsync(publicId, "evidence-hand-over", "hand-over", (opened, posted) => handler.HandleAsync(opened, posted, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPackageAsync(string publicId, [FromServices] ExportPackage.Handler handler, CancellationToken cancellationToken) =>
        CustodyStepAsync(publicId, "evidence-package", "package", (opened, posted) => handler.HandleAsync(opened, posted, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(string publicId, [FromServices] VerifyEvidence.Handler handler, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(publicId, "evidence-verify", cancellationToken);
        await ReadAndDropFormAsync(cancellationToken);
        if (opened is null)
        {
            return await ShowOrNotFoundAsync(cancellationToken);
        }

        Verification = await handler.HandleAsync(opened, cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>A key holder gives the custody signing key to the colleagues who lack it (<see cref="HandOutSigningKey"/>).</summary>
    public async Task<IActionResult> OnPostHandOutKeyAsync(string publicId, [FromServices] HandOutSigningKey.Handler handler, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(publicId, "evidence-hand-out-key", cancellationToken);
        await ReadAndDropFormAsync(cancellationToken);
        if (opened is null)
        {
            return await ShowOrNotFoundAsync(cancellationToken);
        }

        await handler.HandleAsync(opened, cancellationToken);
        return Redirect($"/cases/{Case.PublicId}/evidence#signers");
    }

    public string? Value(string form, string name) => PostedForm == form ? Posted[name] : null;

    /// <summary>Opens the case, reads the (small, file-less) form, and runs the custody step on it.</summary>
    private async Task<IActionResult> CustodyStepAsync(string publicId, string purpose, string form, Func<OpenedCase, FormFields, Task<EvidenceStep>> step, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(publicId, purpose, cancellationToken);
        Posted = await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        PostedForm = form;
        return opened is null ? await ShowOrNotFoundAsync(cancellationToken) : await AnswerAsync(await step(opened, Posted), cancellationToken);
    }

    private Task<FormFields> ReadAndDropFormAsync(CancellationToken cancellationToken) =>
        StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);

    private async Task<IActionResult> AnswerAsync(EvidenceStep step, CancellationToken cancellationToken)
    {
        switch (step.Outcome)
        {
            case EvidenceStepOutcome.Done when step.Download is { } download:
                return await SendAsync(download, cancellationToken);
            case EvidenceStepOutcome.Done:
                return Redirect($"/cases/{Case.PublicId}/evidence#item-{step.ItemId}");
            case EvidenceStepOutcome.NoSuchItem:
                return NotFound();
            case EvidenceStepOutcome.CannotSign:
                Refused = true;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return await ShowAsync(cancellationToken);
        }

        foreach (var (field, words) in step.Problems)
        {
            Problems[field] = words;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> SendAsync(EvidenceDownload download, CancellationToken cancellationToken)
    {
        Response.ContentType = download.ContentType;
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = download.Name }.ToString();
        if (download.Length is { } length)
        {
            Response.ContentLength = length;
        }

        await download.CopyToAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult> ShowOrNotFoundAsync(CancellationToken cancellationToken) =>
        Found ? await ShowAsync(cancellationToken) : NoSuchCase();

    /// <summary>
    /// "No such case". A streamed multipart body has been read, so the error page cannot be shown in this
    /// request (it would try to read the form again): the browser is sent to the page, which answers 404.
    /// </summary>
    private IActionResult NoSuchCase()
    {
        if (!HttpMethods.IsPost(Request.Method) || !Request.HasFormContentType || !Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        Response.Headers.Location = Request.Path.Value;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>Shows the page; nothing here changes anything (the custody signing key is handed out only by <see cref="OnPostHandOutKeyAsync"/>).</summary>
    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (!Found)
        {
            return NoSuchCase();
        }

        if (Opened is { } opened)
        {
            _shown = await show.HandleAsync(opened, cancellationToken);
        }

        return Page();
    }
}

/// <summary>The shared fields of the add and register forms, and which of the two they belong to.</summary>
public sealed record EvidenceFieldsView(EvidenceModel Page, string Form);
