using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Import;

/// <summary>
/// The organisation the cases are imported into (its affiliation for the independence guard) and where
/// new public case numbers come from (the caller makes sure they are not taken).
/// </summary>
public sealed record ImportTarget(Guid OrganisationId, string? AffiliationAgencyCode, Func<string> NewPublicId, OrganisationKind? Kind = null)
{
    public static ImportTarget For(Guid organisationId, string? affiliationAgencyCode = null, OrganisationKind? kind = null) => new(organisationId, affiliationAgencyCode, PublicCaseId.New, kind);

    /// <summary>Whom the imported cases' deadlines bind; without a kind, an investigating body's.</summary>
    public DeadlineHolder? DeadlineHolder(JurisdictionProfile profile) =>
        Kind is { } kind ? Profiles.DeadlineHolder.Of(profile, kind, AffiliationAgencyCode) : null;
}

/// <summary>
/// The historical case import format (documented in the README): one past case per row, codes of the
/// active profile. Rows are read and checked one at a time, so a file of any size streams through;
/// reading never stops at a bad row, so one pass names every problem. Each good row's story goes
/// through the workflow's own rules (<see cref="HistoricalCaseStory"/>).
/// </summary>
public static class HistoricalCaseCsv
{
    public const int MaxExternalIdLength = 128;
    public const int MaxOfficials = 100;

    public static readonly IReadOnlyList<string> Columns =
    [
        "external_id", "received_on", "channel", "region", "facility_type", "accused_agency", "ill_treatment", "victim_sex",
        "victim_age_band", "registered_on", "article_at_registration", "article_final", "decision", "decision_on",
        "termination_reason", "verdict", "verdict_on", "officials_convicted", "custodial_months", "suspended", "compensation_paid",
    ];

    /// <summary>Columns a file may leave out altogether (older files do not have them); an empty field means unknown as for the others.</summary>
    public static readonly IReadOnlyList<string> OptionalColumns =
        ["register_number", "court", "plea_agreement", "fine", "ban_from_office_months", "appealed_on", "appealed_by", "final_on", "incident_on",
        "restriction_of_liberty_months", "correctional_labour_months", "correctional_labour_mrp", "community_service_hours", "fine_mrp", "investigating_body"];

    /// <summary>The good rows as cases ready to store; the bad ones only as problems. A repeated <c>external_id</c> is a bad row.</summary>
    public static IEnumerable<ImportedCase> Read(TextReader reader, string fileName, JurisdictionProfile profile, ImportTarget target, DateOnly today, ICollection<DataProblem> problems)
    {
        // Only a 128-bit digest and a line number per identifier: the memory a file needs stays small as it grows.
        var seen = new Dictionary<UInt128, int>();
        foreach (var record in CsvTable.Read(reader, fileName, Columns, problems))
        {
            var row = ReadRow(record, profile, today);
            if (row.ExternalId.Length > 0 && !seen.TryAdd(Digest(row.ExternalId), record.Line))
            {
                record.Fail("external_id", $"'{row.ExternalId}' already appears on line {seen[Digest(row.ExternalId)]}");
            }

            if (record.HasProblems)
            {
                continue;
            }

            var story = HistoricalCaseStory.Build(profile, row, target, today);
            foreach (var (column, reason) in story.Problems)
            {
                record.Fail(column, reason);
            }

            if (story.Case is not null)
            {
                yield return story.Case;
            }
        }
    }

    public static HistoricalCaseRow ReadRow(CsvRecord record, JurisdictionProfile profile, DateOnly today)
    {
        var row = new HistoricalCaseRow
        {
            Line = record.Line,
            ExternalId = ExternalId(record),
            ReceivedOn = record.Date("received_on"),
            Channel = Code<IntakeChannel>(record, "channel") ?? IntakeChannel.Other,
            Region = ProfileCode(record, "region", c => profile.FindRegion(c) is not null, "a region"),
            FacilityType = ProfileCode(record, "facility_type", c => profile.FindFacilityType(c) is not null, "a facility type"),
            AccusedAgency = ProfileCode(record, "accused_agency", c => profile.FindAgency(c) is not null, "an agency"),
            IllTreatment = ProfileCode(record, "ill_treatment", c => profile.IllTreatmentTypes.Any(t => t.Code == c), "an ill-treatment type"),
            VictimSex = Code<VictimSex>(record, "victim_sex"),
            VictimAgeBand = ProfileCode(record, "victim_age_band", c => profile.AgeBands.Any(b => b.Code == c), "an age band"),
            RegisteredOn = record.OptionalDate("registered_on"),
            ArticleAtRegistration = record.Optional("article_at_registration"),
            ArticleFinal = record.Optional("article_final"),
            Decision = Code<HistoricalDecision>(record, "decision"),
            DecisionOn = record.OptionalDate("decision_on"),
            TerminationReason = record.Optional("termination_reason"),
            Verdict = Code<VerdictOutcome>(record, "verdict"),
            VerdictOn = record.OptionalDate("verdict_on"),
            OfficialsConvicted = Number(record, "officials_convicted", 1, MaxOfficials),
            CustodialMonths = Number(record, "custodial_months", 0, CaseLimits.Months),
            Suspended = Bool(record, "suspended"),
            CompensationPaid = Amount(record, "compensation_paid"),
            RegisterNumber = Text(record, "register_number", CaseLimits.RegisterNumber),
            Court = Text(record, "court", CaseLimits.Court),
            PleaAgreement = Bool(record, "plea_agreement"),
            Fine = Amount(record, "fine"),
            BanFromOfficeMonths = Number(record, "ban_from_office_months", 0, CaseLimits.Months),
            RestrictionOfLibertyMonths = Number(record, "restriction_of_liberty_months", 0, CaseLimits.Months),
            CorrectionalLabourMonths = Number(record, "correctional_labour_months", 0, CaseLimits.Months),
            CorrectionalLabourMrp = Amount(record, "correctional_labour_mrp"),
            CommunityServiceHours = Number(record, "community_service_hours", 0, SentenceTerms.MaxHours),
            FineMrp = Amount(record, "fine_mrp"),
            AppealedOn = record.OptionalDate("appealed_on"),
            AppealedBy = Code<AppealBy>(record, "appealed_by"),
            FinalOn = record.OptionalDate("final_on"),
            IncidentOn = record.OptionalDate("incident_on"),
            InvestigatingBody = ProfileCode(record, "investigating_body", c => profile.FindAgency(c) is { Investigates: true }, "an investigating body (agencies.csv, investigates=true)"),
        };
        if (!record.HasProblems && row.ReceivedOn > today)
        {
            record.Fail("received_on", $"'{row.ReceivedOn:yyyy-MM-dd}' is in the future");
        }

        if (!record.HasProblems && row.IncidentOn > row.ReceivedOn)
        {
            record.Fail("incident_on", $"'{row.IncidentOn:yyyy-MM-dd}' is after received_on: a complaint cannot precede its incident");
        }

        return row;
    }

    private static string ExternalId(CsvRecord record)
    {
        var value = record.Required("external_id");
        if (value.Length > MaxExternalIdLength || value.Any(char.IsControl))
        {
            record.Fail("external_id", $"an identifier of at most {MaxExternalIdLength} printable characters is required");
        }

        return value;
    }

    private static string? Text(CsvRecord record, string column, int maxLength)
    {
        var value = record.Optional(column);
        if (value is not null && (value.Length > maxLength || value.Any(char.IsControl)))
        {
            record.Fail(column, $"at most {maxLength} printable characters");
            return null;
        }

        return value;
    }

    private static UInt128 Digest(string externalId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(externalId), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static string? ProfileCode(CsvRecord record, string column, Func<string, bool> isKnown, string what)
    {
        var value = record.Optional(column);
        if (value is not null && !isKnown(value))
        {
            record.Fail(column, $"'{value}' is not {what} of the profile");
            return null;
        }

        return value;
    }

    private static T? Code<T>(CsvRecord record, string column)
        where T : struct, Enum
    {
        var value = record.Optional(column);
        if (value is null)
        {
            return null;
        }

        if (EnumCode.Parse<T>(value) is not { } parsed)
        {
            record.Fail(column, $"'{value}' is not one of: {string.Join(", ", EnumCode.All<T>())}");
            return null;
        }

        return parsed;
    }

    private static int? Number(CsvRecord record, string column, int minimum, int maximum)
    {
        var value = record.Optional(column);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < minimum || number > maximum)
        {
            record.Fail(column, $"'{value}' is not a whole number from {minimum} to {maximum}");
            return null;
        }

        return number;
    }

    private static bool? Bool(CsvRecord record, string column)
    {
        var value = record.Optional(column);
        switch (value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                record.Fail(column, $"'{value}' is not true or false");
                return null;
        }
    }

    private static decimal? Amount(CsvRecord record, string column)
    {
        var value = record.Optional(column);
        if (value is null)
        {
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > CaseLimits.Amount
            || decimal.Round(amount, 2) != amount)
        {
            record.Fail(column, $"'{value}' is not an amount above 0 with at most two decimals (e.g. 150000.50)");
            return null;
        }

        return amount;
    }
}
