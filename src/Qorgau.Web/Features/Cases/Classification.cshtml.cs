using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>Corrects a case's classification after intake (<see cref="CaseCorrections"/>): the form shows the values as they stand, and what was typed stays on a refusal.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class ClassificationModel(StaffCaseAccess access, CaseCorrections corrections, FacilityRegistry facilities, Qorgau.Domain.Profiles.JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer) : CasePageModel(access)
{
    [BindProperty]
    public ClassificationForm Correction { get; set; } = new();

    public bool MayCorrect { get; private set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public DateOnly Today => corrections.Today;

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(publicId, cancellationToken))
        {
            return NotFound();
        }

        Correction = ClassificationForm.Of(await corrections.ClassificationAsync(Case, cancellationToken));
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string publicId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(publicId, cancellationToken))
        {
            return NotFound();
        }

        var result = await corrections.CorrectAsync(Case, Correction.Fields(), Member, User.IsInRole, cancellationToken);
        if (result.Outcome == CorrectionOutcome.Corrected)
        {
            return Redirect($"/cases/{Case.PublicId}#timeline");
        }

        Problems = result.Outcome switch
        {
            CorrectionOutcome.Invalid => result.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => ProblemText.Describe(localizer, ProblemArea.Case, p)))),
            CorrectionOutcome.NotIndependent => new Dictionary<string, string> { [ClassificationField.AccusedAgency] = string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["Correction.NotIndependent"], CaseCorrectionEndpoints.AgencyName(profile, result.Agency)) },
            CorrectionOutcome.ChangedMeanwhile => new Dictionary<string, string> { ["body"] = ProblemText.Describe(localizer, ProblemArea.Case, CaseProblemCode.ChangedMeanwhile) },
            _ => new Dictionary<string, string> { ["body"] = localizer["Api.CorrectForbidden"] },
        };
        Response.StatusCode = result.Outcome switch
        {
            CorrectionOutcome.Invalid => StatusCodes.Status400BadRequest,
            CorrectionOutcome.NotOnCase => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var record = Case;
        MayCorrect = await corrections.MayCorrectAsync(record, Member, User.IsInRole, cancellationToken);
        Facilities = await facilities.ChoicesAsync(activeOnly: true, cancellationToken, current: record.FacilityId);
        return Page();
    }
}

/// <summary>The correction form: every field as typed (dates as yyyy-MM-dd); an empty one clears the value.</summary>
public sealed class ClassificationForm
{
    public string? AccusedAgency { get; set; }

    public string? Facility { get; set; }

    public string? FacilityType { get; set; }

    public string? Region { get; set; }

    public string? IllTreatment { get; set; }

    public string? IncidentFrom { get; set; }

    public string? IncidentTo { get; set; }

    public static ClassificationForm Of(CaseClassification c) => new()
    {
        AccusedAgency = c.AccusedAgency,
        Facility = c.Facility,
        FacilityType = c.FacilityType,
        Region = c.Region,
        IllTreatment = c.IllTreatment,
        IncidentFrom = c.ValueOf(ClassificationField.IncidentFrom),
        IncidentTo = c.ValueOf(ClassificationField.IncidentTo),
    };

    public Dictionary<string, string?> Fields() => new(StringComparer.Ordinal)
    {
        [ClassificationField.AccusedAgency] = AccusedAgency,
        [ClassificationField.Facility] = Facility,
        [ClassificationField.FacilityType] = FacilityType,
        [ClassificationField.Region] = Region,
        [ClassificationField.IllTreatment] = IllTreatment,
        [ClassificationField.IncidentFrom] = IncidentFrom,
        [ClassificationField.IncidentTo] = IncidentTo,
    };
}
