using System.Globalization;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Intake;

/// <summary>A complaint that passed <see cref="ComplaintRules.Check"/>: codes known to the profile, dates real and past.</summary>
public sealed record Complaint(
    string Account,
    string Language,
    ReporterRelation? ReporterRelation,
    DateOnly? IncidentFrom,
    DateOnly? IncidentTo,
    string? RegionCode,
    Facility? Facility,
    string? Place,
    string? AccusedAgencyCode,
    string? IllTreatmentCode,
    IReadOnlyList<string> MethodCodes,
    VictimSex? VictimSex,
    string? VictimAgeBand,
    string? VictimLegalStatus,
    IReadOnlyList<string> Vulnerabilities,
    bool? VictimStillHeld,
    string? Contact,
    bool ContactAllowed,
    bool ConsentToShare)
{
    /// <summary>The victim is still held where it happened: someone must look at this first.</summary>
    public bool IsUrgent => VictimStillHeld == true;
}

/// <summary>What a complaint must satisfy. Only the account is required; everything else is checked only if given.</summary>
public static class ComplaintRules
{
    public const int MaxAccountLength = 20_000;
    public const int MaxShortTextLength = 500;
    public static readonly IReadOnlyList<string> Languages = ["kk", "ru", "en"];

    /// <param name="facility">The facility named by <see cref="ComplaintForm.FacilityId"/>, looked up by the caller; null if none matched.</param>
    /// <param name="today">Today in the profile's time zone: incident dates cannot be after it.</param>
    /// <param name="fallbackLanguage">The page's language, used when the complaint names none.</param>
    public static (Complaint? Complaint, IReadOnlyList<Problem> Problems) Check(
        ComplaintForm form, JurisdictionProfile profile, Facility? facility, DateOnly today, string fallbackLanguage)
    {
        var problems = new List<Problem>();
        var account = RequiredText(form.Account, "account", MaxAccountLength, problems);
        var language = OneOf(form.Language, "language", Languages, problems) ?? fallbackLanguage;
        var from = PastDate(form.IncidentFrom, "incidentFrom", today, problems);
        var to = PastDate(form.IncidentTo, "incidentTo", today, problems);
        if (from is not null && to is not null && to < from)
        {
            problems.Add(new Problem("incidentTo", ComplaintProblemCode.DatesReversed));
        }

        var region = OneOf(form.Region, "region", profile.Regions.Select(r => r.Code), problems);
        CheckFacility(form.FacilityId, facility, region, problems);
        var complaint = new Complaint(
            account ?? string.Empty,
            language,
            EnumValue<ReporterRelation>(form.ReporterRelation, "reporterRelation", problems),
            from,
            to,
            region ?? facility?.RegionCode,
            facility,
            OptionalText(form.Place, "place", problems),
            OneOf(form.AccusedAgency, "accusedAgency", profile.Agencies.Select(a => a.Code), problems),
            OneOf(form.IllTreatment, "illTreatment", profile.IllTreatmentTypes.Select(t => t.Code), problems),
            AllOf(form.Methods, "methods", profile.Methods, problems),
            EnumValue<VictimSex>(form.VictimSex, "victimSex", problems),
            OneOf(form.VictimAgeBand, "victimAgeBand", profile.AgeBands.Select(b => b.Code), problems),
            OneOf(form.VictimLegalStatus, "victimLegalStatus", profile.LegalStatuses.Select(s => s.Code), problems),
            AllOf(form.Vulnerabilities, "vulnerabilities", profile.Vulnerabilities, problems),
            form.VictimStillHeld,
            OptionalText(form.Contact, "contact", problems),
            form.ContactAllowed ?? false,
            form.ConsentToShare ?? false);
        return problems.Count == 0 ? (complaint, problems) : (null, problems);
    }

    private static string? RequiredText(string? value, string field, int maxLength, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new Problem(field, ComplaintProblemCode.Required));
            return null;
        }

        return Bounded(value.Trim(), field, maxLength, problems);
    }

    private static string? OptionalText(string? value, string field, List<Problem> problems) =>
        string.IsNullOrWhiteSpace(value) ? null : Bounded(value.Trim(), field, MaxShortTextLength, problems);

    private static string? Bounded(string value, string field, int maxLength, List<Problem> problems)
    {
        if (value.Length > maxLength)
        {
            problems.Add(new Problem(field, ComplaintProblemCode.TooLong, maxLength.ToString(CultureInfo.InvariantCulture), value.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return value;
    }

    private static DateOnly? PastDate(string? value, string field, DateOnly today, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new Problem(field, ComplaintProblemCode.NotADate, value.Trim()));
            return null;
        }

        if (date > today)
        {
            problems.Add(new Problem(field, ComplaintProblemCode.DateInFuture, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return null;
        }

        return date;
    }

    private static string? OneOf(string? value, string field, IEnumerable<string> allowed, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim();
        if (!allowed.Contains(code, StringComparer.Ordinal))
        {
            problems.Add(new Problem(field, ComplaintProblemCode.UnknownCode, code));
            return null;
        }

        return code;
    }

    private static List<string> AllOf(IReadOnlyList<string> values, string field, IReadOnlyList<ProfileTerm> terms, List<Problem> problems)
    {
        var chosen = new List<string>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (terms.Any(t => t.Code == value))
            {
                chosen.Add(value);
            }
            else
            {
                problems.Add(new Problem(field, ComplaintProblemCode.UnknownCode, value));
            }
        }

        return chosen;
    }

    private static T? EnumValue<T>(string? value, string field, List<Problem> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = EnumCode.Parse<T>(value.Trim());
        if (parsed is null)
        {
            problems.Add(new Problem(field, ComplaintProblemCode.UnknownCode, value.Trim()));
        }

        return parsed;
    }

    private static void CheckFacility(string? facilityId, Facility? facility, string? region, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(facilityId))
        {
            return;
        }

        if (facility is null)
        {
            problems.Add(new Problem("facilityId", ComplaintProblemCode.UnknownFacility, facilityId.Trim()));
        }
        else if (region is not null && facility.RegionCode != region)
        {
            problems.Add(new Problem("facilityId", ComplaintProblemCode.FacilityInAnotherRegion, facility.Code, region));
        }
    }
}
