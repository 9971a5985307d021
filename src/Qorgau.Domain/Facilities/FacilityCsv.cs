using Qorgau.Domain.Csv;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Facilities;

/// <summary>
/// The facility import format (documented in the README): one facility per row, codes checked
/// against the profile. Reading never stops at the first problem, so one pass names every bad row.
/// </summary>
public static class FacilityCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["code", "name_kk", "name_ru", "name_en", "type", "agency", "region", "address", "capacity", "video_rooms", "active"];

    public static IEnumerable<Facility> Read(TextReader reader, string fileName, JurisdictionProfile profile, ICollection<DataProblem> problems, bool isDemo = false)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvTable.Read(reader, fileName, Columns, problems))
        {
            var facility = ReadFacility(record, profile, isDemo);
            if (facility.Code.Length > 0 && !seen.TryAdd(facility.Code, record.Line))
            {
                record.Fail("code", $"'{facility.Code}' already appears on line {seen[facility.Code]}");
            }

            if (!record.HasProblems)
            {
                yield return facility;
            }
        }
    }

    private static Facility ReadFacility(CsvRecord record, JurisdictionProfile profile, bool isDemo)
    {
        var facility = new Facility
        {
            Code = record.Code("code"),
            Name = new LocalizedName(record.Required("name_kk"), record.Required("name_ru"), record.Required("name_en")),
            TypeCode = record.Required("type"),
            AgencyCode = record.Required("agency"),
            RegionCode = record.Required("region"),
            Address = record.Optional("address"),
            Capacity = record.Number("capacity", 0, 100_000),
            VideoRooms = record.Number("video_rooms", 0, 10_000),
            IsActive = record.Bool("active"),
            IsDemo = isDemo,
        };
        CheckCode(record, "type", facility.TypeCode, profile.FindFacilityType(facility.TypeCode) is not null, "facility type");
        CheckCode(record, "agency", facility.AgencyCode, profile.FindAgency(facility.AgencyCode) is not null, "agency");
        CheckCode(record, "region", facility.RegionCode, profile.FindRegion(facility.RegionCode) is not null, "region");
        return facility;
    }

    private static void CheckCode(CsvRecord record, string column, string code, bool known, string what)
    {
        if (code.Length > 0 && !known)
        {
            record.Fail(column, $"'{code}' is not a {what} of the profile");
        }
    }
}
