using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// What the complaint fields need to render: the values typed so far (kept on every error), the
/// problems next to each field, and the choices. Shared by the public form and staff recording.
/// </summary>
public sealed class ComplaintFormView
{
    public required JurisdictionProfile Profile { get; init; }

    public ComplaintForm Values { get; set; } = new();

    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Organisations the complainant may choose; empty hides the choice (staff record for their own).</summary>
    public IReadOnlyList<Organisation> Organisations { get; set; } = [];

    /// <summary>The registry's places in the chosen region; the list stays short, so the page stays light.</summary>
    public IReadOnlyList<Facility> Facilities { get; set; } = [];

    /// <summary>The form streams files in (the public form); staff recording is text only.</summary>
    public bool AllowAttachments { get; set; } = true;

    public int MaxAttachments { get; set; }

    public long MaxAttachmentMegabytes { get; set; }

    public bool HasErrors => Errors.Count > 0;

    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var list) ? list : [];

    public void AddError(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.Add(message);
    }

    public static ComplaintForm Read(FormFields fields) => new()
    {
        Account = fields["account"],
        Language = fields["language"],
        Organisation = fields["organisation"],
        ReporterRelation = fields["reporterRelation"],
        IncidentFrom = fields["incidentFrom"],
        IncidentTo = fields["incidentTo"],
        Region = fields["region"],
        FacilityId = fields["facilityId"],
        Place = fields["place"],
        AccusedAgency = fields["accusedAgency"],
        IllTreatment = fields["illTreatment"],
        Methods = fields.All("methods"),
        VictimSex = fields["victimSex"],
        VictimAgeBand = fields["victimAgeBand"],
        VictimLegalStatus = fields["victimLegalStatus"],
        Vulnerabilities = fields.All("vulnerabilities"),
        VictimStillHeld = fields.IsChecked("victimStillHeld") ? true : null,
        Contact = fields["contact"],
        ContactAllowed = fields.IsChecked("contactAllowed"),
        ConsentToShare = fields.IsChecked("consentToShare"),
    };
}
