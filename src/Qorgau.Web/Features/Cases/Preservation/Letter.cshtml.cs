using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases.Preservation;

/// <summary>
/// The printable letter asking the prosecutor who supervises the facility (the profile names one per
/// agency) to have the footage kept, in Kazakh, Russian and English on one page. Never to the head of
/// the facility, whose staff may be the accused. It names the place and the period, and the request's
/// own reference: not the case number the complainant holds, which is not in the page's address either
/// (browsers print the address on the page). When the complainant did not agree to sharing and is
/// still held, the page first warns and shows the letter only once a person confirms (a plain link:
/// it works without JavaScript).
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class LetterModel(
    QorgauDbContext db,
    StaffCaseAccess access,
    JurisdictionProfile profile,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : CasePageModel(access)
{
    private static readonly string[] Languages = ["kk", "ru", "en"];

    public IReadOnlyList<LetterVersion> Versions { get; private set; } = [];

    public string PublicId { get; private set; } = string.Empty;

    public Guid RequestId { get; private set; }

    /// <summary>The warning stands between the member and the letter until they confirm.</summary>
    public bool MustConfirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid requestId, bool confirmed, CancellationToken cancellationToken)
    {
        var request = await db.PreservationRequests.AsNoTracking().FirstOrDefaultAsync(p => p.Id == requestId, cancellationToken);
        var publicId = request is null ? null : await db.Cases.Where(c => c.Id == request.CaseId).Select(c => c.PublicId).FirstOrDefaultAsync(cancellationToken);
        if (request is null || publicId is null || !await FindAsync(publicId, cancellationToken))
        {
            return NotFound();
        }

        PublicId = Case.PublicId;
        RequestId = request.Id;
        var record = Case;
        MustConfirm = !confirmed && PreservationRules.WarnBeforePrinting(record.ConsentToShare, record.IsUrgent || record.VictimStillHeld == true);
        if (MustConfirm)
        {
            return Page();
        }

        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == request.FacilityId, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        var today = ProfileCalendar.Today(profile, clock);
        Versions = [.. Languages.Select(language => InLanguage(language, () => new LetterVersion(
            language,
            localizer["Preservation.Letter.Heading"],
            To(facility, language),
            Format("Preservation.Letter.From", organisation.Name.For(language)),
            Format("Preservation.Letter.Reference", request.Reference, Iso(today)),
            Format("Preservation.Letter.BodyToProsecutor", Iso(request.PeriodFrom), Iso(request.PeriodTo), facility.VideoRooms, facility.Name.For(language),
                profile.FindAgency(facility.AgencyCode)?.Name.For(language) ?? facility.AgencyCode),
            facility.Address is { Length: > 0 } address ? Format("Preservation.Letter.FacilityAddress", address) : null,
            Format("Preservation.Letter.Deadline", Iso(request.DueOn)),
            localizer["Preservation.Letter.Confirm"],
            localizer["Preservation.Letter.Signature"])))];
        return Page();
    }

    /// <summary>The supervising prosecutor of the facility's agency, with the facility's region when the office is the region's.</summary>
    private string To(Facility facility, string language)
    {
        if (profile.PreservationAddresseeFor(facility.AgencyCode) is not { } addressee)
        {
            return Format("Preservation.Letter.ToAddressee", localizer["Preservation.Letter.ToSupervisingProsecutor"].Value);
        }

        var region = addressee.OfTheRegion ? profile.FindRegion(facility.RegionCode)?.Name.For(language) : null;
        return region is null
            ? Format("Preservation.Letter.ToAddressee", addressee.Name.For(language))
            : Format("Preservation.Letter.ToAddresseeOfRegion", addressee.Name.For(language), region);
    }

    private string Format(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, localizer[key], values);

    /// <summary>Resources are looked up in the current UI culture, so each version is built under its own.</summary>
    private static T InLanguage<T>(string language, Func<T> build)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return build();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record LetterVersion(string Language, string Heading, string To, string From, string Reference, string Body, string? FacilityAddress, string Deadline, string Confirm, string Signature);
