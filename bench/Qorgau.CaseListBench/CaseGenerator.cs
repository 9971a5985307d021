using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;

namespace Qorgau.CaseListBench;

/// <summary>The three organisations of the benchmark, largest first.</summary>
internal sealed record BenchOrganisations(Guid Large, Guid Medium, Guid Small);

/// <summary>
/// Fills the database: the migrations, three organisations, then the cases through PostgreSQL's binary
/// COPY, in the order they were received (as the app inserts them), from a fixed seed so that every run
/// generates the same data. Ends with VACUUM ANALYZE, as autovacuum would leave a settled table.
/// </summary>
internal static class CaseGenerator
{
    public const int Seed = 20261123;

    /// <summary>The five years of cases end here (UTC).</summary>
    public static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Start = End.AddYears(-5);

    private static readonly (string Code, string En, OrganisationKind Kind, double Share)[] Organisations =
    [
        ("bench-npm", "Benchmark NPM", OrganisationKind.NationalPreventiveMechanism, 0.6),
        ("bench-ngo", "Benchmark NGO", OrganisationKind.Ngo, 0.3),
        ("bench-legal-aid", "Benchmark legal aid", OrganisationKind.LegalAid, 0.1),
    ];

    // Every column of "Cases" (migration 20261123190348_CaseManagement), in the order they are copied.
    private const string CopyCommand = """
        COPY "Cases" ("Id", "PublicId", "OrganisationId", "Channel", "ReceivedOn", "Status", "IsUrgent", "Language",
            "ReporterRelation", "IncidentFrom", "IncidentTo", "RegionCode", "FacilityId", "FacilityTypeCode", "AccusedAgencyCode",
            "IllTreatmentCode", "MethodCodes", "VictimSex", "VictimAgeBand", "VictimLegalStatus", "Vulnerabilities", "VictimStillHeld",
            "ContactAllowed", "ConsentToShare", "ReceiptLookup", "PendingReferralOrganisationId", "Revision", "MergedIntoCaseId",
            "OutOfScopeReason", "NextDueOn", "IsOverdue", "ExternalId", "FirstReadAtUtc", "AccountCipher", "PlaceCipher",
            "ContactCipher", "ChannelDetailsCipher") FROM STDIN (FORMAT BINARY)
        """;

    private static readonly (CaseStatus Status, double Weight)[] OpenStatuses =
    [
        (CaseStatus.Received, 30), (CaseStatus.Admissible, 20), (CaseStatus.Registered, 30), (CaseStatus.Referred, 5),
        (CaseStatus.InCourt, 8), (CaseStatus.Verdict, 4), (CaseStatus.Appeal, 3),
    ];

    private static readonly (CaseStatus Status, double Weight)[] ClosedStatuses =
    [
        (CaseStatus.Final, 35), (CaseStatus.Terminated, 30), (CaseStatus.OutOfScope, 25), (CaseStatus.Merged, 5), (CaseStatus.Withdrawn, 5),
    ];

    private static readonly (IntakeChannel Channel, double Weight)[] Channels =
    [
        (IntakeChannel.Online, 50), (IntakeChannel.Hotline, 20), (IntakeChannel.Letter, 15), (IntakeChannel.Box, 5),
        (IntakeChannel.Visit, 5), (IntakeChannel.Court, 3), (IntakeChannel.Other, 2),
    ];

    // Cities and the oblasts with many places of detention get more complaints.
    private static readonly Dictionary<string, double> RegionWeights = new()
    {
        ["KZ-75"] = 3,
        ["KZ-71"] = 2,
        ["KZ-35"] = 2,
        ["KZ-79"] = 1.5,
        ["KZ-61"] = 1.5,
        ["KZ-19"] = 1.5,
    };

    private static readonly Dictionary<string, double> FacilityTypeWeights = new()
    {
        ["ivs"] = 10,
        ["police-station"] = 10,
        ["sizo"] = 8,
        ["colony-medium"] = 5,
        ["colony-maximum"] = 4,
        ["colony-minimum"] = 3,
        ["special-reception"] = 3,
        ["psychiatric"] = 2,
    };

    private static readonly Dictionary<string, double> IllTreatmentWeights = new() { ["torture"] = 25, ["cruel"] = 35, ["degrading"] = 40 };

    /// <summary>Migrates, then generates the cases unless a set of the requested size is already there.</summary>
    public static async Task<BenchOrganisations> EnsureAsync(
        DbContextOptions<PostgresQorgauDbContext> options, NpgsqlDataSource dataSource, JurisdictionProfile profile,
        int cases, bool regenerate, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = new PostgresQorgauDbContext(options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        log.WriteLine($"migrations applied ({clock.Elapsed.TotalSeconds:F1} s)");
        var organisations = await EnsureOrganisationsAsync(options, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM \"Cases\"", cancellationToken);
        if (existing == cases && !regenerate)
        {
            log.WriteLine($"{existing:N0} cases already generated: reused (--regenerate to start again)");
            return organisations;
        }

        if (existing > 0)
        {
            if (!regenerate)
            {
                throw new InvalidOperationException(
                    $"the database holds {existing:N0} cases, not {cases:N0}: pass --regenerate to delete them (and everything that refers to them) first");
            }

            await ExecuteAsync(connection, "TRUNCATE \"Cases\" CASCADE", cancellationToken);
            log.WriteLine($"{existing:N0} earlier cases deleted");
        }

        clock.Restart();
        await CopyAsync(connection, organisations, profile, cases, cancellationToken);
        log.WriteLine($"{cases:N0} cases copied ({clock.Elapsed.TotalSeconds:F1} s)");
        clock.Restart();
        await ExecuteAsync(connection, "VACUUM (ANALYZE) \"Cases\"", cancellationToken);
        await ExecuteAsync(connection, "CHECKPOINT", cancellationToken);
        log.WriteLine($"VACUUM (ANALYZE) and CHECKPOINT ({clock.Elapsed.TotalSeconds:F1} s)");
        return organisations;
    }

    private static async Task<BenchOrganisations> EnsureOrganisationsAsync(DbContextOptions<PostgresQorgauDbContext> options, CancellationToken cancellationToken)
    {
        await using var db = new PostgresQorgauDbContext(options);
        var ids = new List<Guid>();
        foreach (var (code, en, kind, _) in Organisations)
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
            if (organisation is null)
            {
                organisation = new Organisation { Code = code, Name = new LocalizedName(en, en, en), Kind = kind };
                db.Organisations.Add(organisation);
            }

            ids.Add(organisation.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new BenchOrganisations(ids[0], ids[1], ids[2]);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, BenchOrganisations organisations, JurisdictionProfile profile, int count, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var organisationIds = new[] { organisations.Large, organisations.Medium, organisations.Small };
        var organisationPick = new Picker<Guid>(organisationIds.Select((id, i) => (id, Organisations[i].Share)));
        var openStatus = new Picker<CaseStatus>(OpenStatuses);
        var closedStatus = new Picker<CaseStatus>(ClosedStatuses);
        var channel = new Picker<IntakeChannel>(Channels);
        var region = new Picker<string>(profile.Regions.Select(r => (r.Code, RegionWeights.GetValueOrDefault(r.Code, 1))));
        var facilityType = new Picker<FacilityType>(profile.FacilityTypes.Select(t => (t, FacilityTypeWeights.GetValueOrDefault(t.Code, 1))));
        var illTreatment = new Picker<string>(profile.IllTreatmentTypes.Select(t => (t.Code, IllTreatmentWeights.GetValueOrDefault(t.Code, 10))));
        var language = new Picker<string>([("ru", 60), ("kk", 35), ("en", 5)]);
        var relation = new Picker<ReporterRelation?>([(ReporterRelation.Victim, 45), (ReporterRelation.Relative, 30), (ReporterRelation.Lawyer, 15), (ReporterRelation.Witness, 3), (ReporterRelation.Other, 2), (null, 5)]);
        var sex = new Picker<VictimSex?>([(VictimSex.Male, 80), (VictimSex.Female, 17), (null, 3)]);
        var span = End - Start;

        await using var writer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        for (var i = 0; i < count; i++)
        {
            // In the order received, like the app's inserts: the table's physical order follows ReceivedAtUtc.
            var receivedAt = Start + (span * ((i + random.NextDouble()) / count));
            receivedAt = new DateTime(receivedAt.Ticks - (receivedAt.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
            var age = 1 - ((double)i / count);
            var isOpen = random.NextDouble() >= 0.15 + (0.8 * age);
            var status = isOpen ? openStatus.Next(random) : closedStatus.Next(random);
            var caseChannel = channel.Next(random);
            var received = DateOnly.FromDateTime(receivedAt);
            var incidentFrom = received.AddDays(-random.Next(0, 60));
            var type = random.NextDouble() < 0.03 ? null : facilityType.Next(random);
            var agency = random.NextDouble() < 0.02 ? null
                : type is not null && random.NextDouble() < 0.85 ? type.AgencyCode
                : profile.Agencies[random.Next(profile.Agencies.Count)].Code;

            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(PublicIdOf(i), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(organisationPick.Next(random), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(caseChannel.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(received, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(random.NextDouble() < 0.04, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(language.Next(random), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, relation.Next(random)?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(incidentFrom, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.5 ? incidentFrom.AddDays(random.Next(0, 5)) : (DateOnly?)null, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.02 ? null : region.Next(random), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteNullAsync(cancellationToken); // FacilityId: a foreign key to Facilities, which the benchmark leaves empty
            await WriteNullableAsync(writer, type?.Code, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, agency, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.02 ? null : illTreatment.Next(random), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(Some(random, profile.Methods, 3), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, sex.Next(random)?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.1 ? null : profile.AgeBands[random.Next(profile.AgeBands.Count)].Code, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.1 ? null : profile.LegalStatuses[random.Next(profile.LegalStatuses.Count)].Code, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(Some(random, profile.Vulnerabilities, 2), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, random.Next(5) switch { 0 => (bool?)null, 1 or 2 => true, _ => false }, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(random.NextDouble() < 0.7, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(random.NextDouble() < 0.5, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(writer, caseChannel == IntakeChannel.Online ? Bytes(random, 32, 32) : null, NpgsqlDbType.Bytea, cancellationToken);
            await writer.WriteNullAsync(cancellationToken); // PendingReferralOrganisationId
            await writer.WriteAsync(status == CaseStatus.Received ? 0 : random.Next(1, 9), NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteNullAsync(cancellationToken); // MergedIntoCaseId
            await WriteNullableAsync(writer, status == CaseStatus.OutOfScope ? OutOfScopeReason.All[random.Next(OutOfScopeReason.All.Count)] : null, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, isOpen ? received.AddDays(random.Next(10, 60)) : (DateOnly?)null, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(isOpen && random.NextDouble() < 0.1, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteNullAsync(cancellationToken); // ExternalId: only imported cases have one
            await WriteNullableAsync(writer, status == CaseStatus.Received && random.NextDouble() < 0.5 ? (DateTime?)null : receivedAt.AddMinutes(random.Next(5, 4000)), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(Bytes(random, 96, 800), NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.5 ? Bytes(random, 40, 160) : null, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(writer, random.NextDouble() < 0.4 ? Bytes(random, 40, 120) : null, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(writer, caseChannel == IntakeChannel.Online ? null : Bytes(random, 40, 200), NpgsqlDbType.Bytea, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>A well-formed public number (QG-XXXX-XXXX), distinct for each i: i times an odd number modulo 2^40 is a bijection.</summary>
    private static string PublicIdOf(int i)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var value = ((ulong)i * 0x9E3779B97Ful) & ((1ul << 40) - 1);
        Span<char> letters = stackalloc char[8];
        for (var k = letters.Length - 1; k >= 0; k--)
        {
            letters[k] = alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"QG-{letters[..4]}-{letters[4..]}";
    }

    private static byte[] Bytes(Random random, int min, int max)
    {
        var bytes = new byte[random.Next(min, max + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string[] Some(Random random, IReadOnlyList<ProfileTerm> terms, int max) =>
        [.. Enumerable.Range(0, random.Next(0, max + 1)).Select(_ => terms[random.Next(terms.Count)].Code).Distinct()];

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Picks an item with the given relative weights.</summary>
    private sealed class Picker<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public Picker(IEnumerable<(T Item, double Weight)> weighted)
        {
            var list = weighted.ToList();
            _items = [.. list.Select(w => w.Item)];
            _cumulative = new double[list.Count];
            var sum = 0.0;
            for (var i = 0; i < list.Count; i++)
            {
                sum += list[i].Weight;
                _cumulative[i] = sum;
            }
        }

        public T Next(Random random)
        {
            var x = random.NextDouble() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            return _items[Math.Min(i < 0 ? ~i : i, _items.Length - 1)];
        }
    }
}
