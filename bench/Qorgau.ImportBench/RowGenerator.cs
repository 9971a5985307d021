using System.Globalization;

namespace Qorgau.ImportBench;

/// <summary>
/// Writes N invented historical rows, every one valid under the Kazakhstan profile, spread over the
/// stories the import knows: received only, registered, requalified, terminated, indicted, convicted
/// (custodial and, before the 2023 amendment, suspended), acquitted, with compensation on some.
/// </summary>
internal static class RowGenerator
{
    public const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private static readonly string[] Channels = ["online", "hotline", "box", "letter", "visit", "court", "other"];
    private static readonly string[] Regions = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"];
    private static readonly (string Type, string Agency)[] Places = [("ivs", "police"), ("police-station", "police"), ("sizo", "penitentiary"), ("colony-medium", "penitentiary"), ("psychiatric", "health"), ("guardhouse", "defence"), ("sizo-knb", "national-security")];
    private static readonly string[] Treatments = ["torture", "cruel", "degrading"];
    private static readonly string[] AgeBands = ["16-17", "18-24", "25-34", "35-49", "50-64", "65-plus"];
    private static readonly string[] AnyTimeReasons = ["no-crime", "no-corpus-delicti", "insufficient-evidence", "death-of-suspect", "other"];
    private static readonly string[] BarredReasons = ["amnesty", "limitation", "reconciliation", "active-repentance"];
    private static readonly DateOnly Amendment = new(2023, 3, 29);

    public static void Write(string path, int rows, int seed = 2026)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        for (var i = 0; i < rows; i++)
        {
            writer.WriteLine(Row(i, random));
        }
    }

    private static string Row(int i, Random random)
    {
        var received = new DateOnly(2015, 1, 10).AddDays(random.Next(0, 3700));
        var (type, agency) = Places[random.Next(Places.Length)];
        var fields = new string[21];
        Array.Fill(fields, string.Empty);
        fields[0] = $"BENCH-{i:D7}";
        fields[1] = Date(received);
        fields[2] = Channels[random.Next(Channels.Length)];
        fields[3] = Regions[random.Next(Regions.Length)];
        fields[4] = type;
        fields[5] = agency;
        fields[6] = Treatments[random.Next(Treatments.Length)];
        fields[7] = random.Next(4) == 0 ? "female" : "male";
        fields[8] = AgeBands[random.Next(AgeBands.Length)];
        var story = i % 8;
        if (story == 0)
        {
            return string.Join(',', fields);
        }

        var registered = received.AddDays(random.Next(0, 20));
        fields[9] = Date(registered);
        fields[10] = "146";
        var final = story is 3 or 6 ? (random.Next(2) == 0 ? "362" : "361") : string.Empty;
        fields[11] = final;
        if (story == 1)
        {
            return string.Join(',', fields);
        }

        var decided = registered.AddDays(random.Next(10, 200));
        fields[13] = Date(decided);
        if (story is 2 or 3)
        {
            fields[12] = "terminated";
            var torture = final.Length == 0;
            fields[14] = torture && decided >= Amendment || random.Next(3) > 0 ? AnyTimeReasons[random.Next(AnyTimeReasons.Length)] : BarredReasons[random.Next(BarredReasons.Length)];
            return string.Join(',', fields);
        }

        fields[12] = "indicted";
        if (story == 4)
        {
            return string.Join(',', fields);
        }

        var verdict = decided.AddDays(random.Next(20, 250));
        fields[16] = Date(verdict);
        if (story == 7)
        {
            fields[15] = "acquittal";
            return string.Join(',', fields);
        }

        fields[15] = "conviction";
        fields[17] = (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture);
        fields[18] = (6 + random.Next(90)).ToString(CultureInfo.InvariantCulture);
        var suspendable = final.Length > 0 || verdict < Amendment;
        fields[19] = suspendable && random.Next(3) == 0 ? "true" : "false";
        fields[20] = random.Next(2) == 0 ? (100_000 + random.Next(2_000_000)).ToString(CultureInfo.InvariantCulture) + ".00" : string.Empty;
        return string.Join(',', fields);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
