using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
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

    /// <summary>A form showing <paramref name="values"/>, with the registry's places in the region chosen (if any).</summary>
    public static async Task<ComplaintFormView> CreateAsync(QorgauDbContext db, JurisdictionProfile profile, ComplaintForm values, bool forPublic, IntakeOptions limits)
    {
        var region = profile.FindRegion(values.Region ?? string.Empty)?.Code;
        var culture = CultureInfo.CurrentUICulture;
        var facilities = region is null ? [] : await db.Facilities.AsNoTracking().Where(f => f.RegionCode == region && f.IsActive).ToListAsync();
        return new ComplaintFormView
        {
            Profile = profile,
            Values = values,
            Organisations = forPublic
                ? await db.Organisations.AsNoTracking().Where(o => o.TakesPublicComplaints && o.PublicKey != null).OrderBy(o => o.Code).ToListAsync()
                : [],
            Facilities = [.. facilities.OrderBy(f => f.Name.For(culture), StringComparer.Create(culture, false))],
            AllowAttachments = forPublic,
            MaxAttachments = limits.MaxAttachments,
            MaxAttachmentMegabytes = limits.MaxAttachmentBytes / (1024 * 1024),
        };
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
