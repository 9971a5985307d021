using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// "Show places in this region" on the public form: the same form, re-rendered with the places of the
/// chosen region and everything typed. A page of its own, with no way to file or to derive anything,
/// so that it needs no rate limit and the filing door's limit cannot be switched off by the client.
/// </summary>
[IgnoreAntiforgeryToken]
[StreamedForm]
public sealed class ComplaintPlacesModel(
    QorgauDbContext db,
    JurisdictionProfile profile,
    ProofOfWork proofOfWork,
    IOptions<IntakeOptions> options) : PageModel, IComplaintPage
{
    public ComplaintFormView Form { get; private set; } = null!;

    public string? PowChallenge { get; private set; }

    public int ProofOfWorkBits => proofOfWork.Bits;

    public int ProofOfWorkWaitSeconds => options.Value.ProofOfWorkWaitSeconds;

    public IActionResult OnGet(string? region) => Redirect(region is null ? "/complaint" : $"/complaint?region={Uri.EscapeDataString(region)}");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        FormFields fields;
        try
        {
            // Files are drained unread: a browser cannot be told to keep them, the form says so.
            fields = await StreamingForm.ReadAsync(Request, (_, _) => Task.CompletedTask, cancellationToken);
        }
        catch (FormTokenRefusedException refused)
        {
            fields = refused.FieldsSoFar;
        }

        Form = await ComplaintFormView.CreateAsync(db, profile, ComplaintFormView.Read(fields), forPublic: true, options.Value);
        PowChallenge = !proofOfWork.IsOn ? null : fields[ProofOfWork.ChallengeField] ?? proofOfWork.NewChallenge();
        return Page();
    }
}

/// <summary>What the public form's layout needs from its page (the form itself, or its "show places" re-render).</summary>
public interface IComplaintPage
{
    ComplaintFormView Form { get; }

    string? PowChallenge { get; }

    int ProofOfWorkBits { get; }

    int ProofOfWorkWaitSeconds { get; }
}
