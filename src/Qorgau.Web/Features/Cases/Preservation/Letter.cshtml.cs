using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases.Preservation;

/// <summary>
/// The printable letter asking the agency that runs the facility to keep the footage, in Kazakh,
/// Russian and English on one page. It names the place, the period and the case number only:
/// nothing about the complainant, since the letter goes to the agency that may be accused.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class LetterModel(
    QorgauDbContext db,
    StaffCaseAccess access,
    JurisdictionProfile profile,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly string[] Languages = ["kk", "ru", "en"];

    public IReadOnlyList<LetterVersion> Versions { get; private set; } = [];

    public string PublicId { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string publicId, Guid requestId, CancellationToken cancellationToken)
    {
        if (await PreservationModel.FindCaseAsync(access, this, publicId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var request = await db.PreservationRequests.AsNoTracking().FirstOrDefaultAsync(p => p.Id == requestId && p.CaseId == found.Case.Id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == request.FacilityId, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == found.Case.OrganisationId, cancellationToken);
        var agency = profile.FindAgency(facility.AgencyCode);
        PublicId = found.Case.PublicId;
        var today = ProfileCalendar.Today(profile, clock);
        Versions = [.. Languages.Select(language => InLanguage(language, () => new LetterVersion(
            language,
            localizer["Preservation.Letter.Heading"],
            Format("Preservation.Letter.To", facility.Name.For(language), agency?.Name.For(language) ?? facility.AgencyCode),
            facility.Address,
            Format("Preservation.Letter.From", organisation.Name.For(language)),
            Format("Preservation.Letter.Reference", PublicId, Iso(today)),
            Format("Preservation.Letter.Body", Iso(request.PeriodFrom), Iso(request.PeriodTo), facility.VideoRooms, facility.Name.For(language)),
            Format("Preservation.Letter.Deadline", Iso(request.DueOn)),
            localizer["Preservation.Letter.Confirm"],
            localizer["Preservation.Letter.Signature"])))];
        return Page();
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

public sealed record LetterVersion(string Language, string Heading, string To, string? Address, string From, string Reference, string Body, string Deadline, string Confirm, string Signature);
