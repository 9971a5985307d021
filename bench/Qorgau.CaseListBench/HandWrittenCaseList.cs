using System.Text;
using Npgsql;
using NpgsqlTypes;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;

namespace Qorgau.CaseListBench;

/// <summary>One SQL statement and its parameters, which are created anew for every command that runs it.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<(string Name, object Value, NpgsqlDbType Type)> Parameters)
{
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, string prefix = "")
    {
        var command = new NpgsqlCommand(prefix + Text, connection);
        foreach (var (name, value, type) in Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }

        return command;
    }
}

/// <summary>
/// The baseline: what <see cref="CaseList.PageAsync"/> does, written by hand on Npgsql as one would
/// without an ORM. One pooled connection, the same two statements (COUNT, then the page ordered by
/// date received and id with LIMIT/OFFSET; the count capped at the same look-ahead), the same parameters, every column read into a
/// <see cref="Case"/> by ordinal. No prepared statements, like EF Core's default.
/// </summary>
internal sealed class HandWrittenCaseList(NpgsqlDataSource dataSource)
{
    // Every mapped column of Case, as EF Core reads them.
    private const string Columns = """
        "Id", "AccountCipher", "AccusedAgencyCode", "Channel", "ChannelDetailsCipher", "ConsentToShare", "ContactAllowed",
        "ContactCipher", "ExternalId", "FacilityId", "FacilityTypeCode", "FirstReadAtUtc", "IllTreatmentCode", "IncidentFrom",
        "IncidentTo", "IsOverdue", "IsUrgent", "Language", "MergedIntoCaseId", "MethodCodes", "NextDueOn", "OrganisationId",
        "OutOfScopeReason", "ParticularsCipher", "PendingReferralOrganisationId", "PlaceCipher", "PublicId", "ReceiptLookup", "ReceivedOn",
        "ReceivedSequence", "RegionCode", "ReporterRelation", "Revision", "Status", "VictimAgeBand", "VictimLegalStatus", "VictimSex",
        "VictimStillHeld", "Vulnerabilities", "DeletedOn"
        """;

    /// <summary>The column names above, to check them against the EF Core model.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
        [.. Columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim('"'))];

    public async Task<CaseListPage> PageAsync(Guid organisationId, Guid userId, CaseListFilter filter, CancellationToken cancellationToken)
    {
        var (count, page) = Statements(organisationId, userId, filter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        int counted;
        await using (var command = count.CreateCommand(connection))
        {
            counted = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var items = new List<Case>(filter.PageSize);
        await using (var command = page.CreateCommand(connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        var limit = CountLimit(filter);
        return new CaseListPage(items, Math.Min(counted, limit), filter.Page, filter.PageSize, counted > limit);
    }

    /// <summary>The COUNT and the page statements for a filter.</summary>
    public static (SqlStatement Count, SqlStatement Page) Statements(Guid organisationId, Guid userId, CaseListFilter filter)
    {
        var where = new StringBuilder();
        var parameters = new List<(string, object, NpgsqlDbType)>();
        void And(string condition, string name, object value, NpgsqlDbType type)
        {
            where.Append(where.Length == 0 ? "WHERE " : " AND ").Append(condition);
            parameters.Add((name, value, type));
        }

        var active = CaseWorkflow.ActiveStatuses.Select(s => s.ToString()).ToArray();
        switch (filter.Queue)
        {
            case CaseQueues.Mine:
                And("""EXISTS (SELECT 1 FROM "CaseAssignments" a WHERE a."CaseId" = c."Id" AND a."UserId" = @user AND a."EndedAtUtc" IS NULL)""", "user", userId, NpgsqlDbType.Uuid);
                break;
            case CaseQueues.Unassigned:
                And("""c."OrganisationId" = @organisation""", "organisation", organisationId, NpgsqlDbType.Uuid);
                And("""c."Status" = ANY(@active)""", "active", active, NpgsqlDbType.Array | NpgsqlDbType.Varchar);
                where.Append(""" AND NOT EXISTS (SELECT 1 FROM "CaseAssignments" a WHERE a."CaseId" = c."Id" AND a."EndedAtUtc" IS NULL)""");
                break;
            case CaseQueues.Urgent:
                And("""c."OrganisationId" = @organisation""", "organisation", organisationId, NpgsqlDbType.Uuid);
                where.Append(" AND c.\"IsUrgent\"");
                And("""c."Status" = ANY(@active)""", "active", active, NpgsqlDbType.Array | NpgsqlDbType.Varchar);
                break;
            case CaseQueues.Overdue:
                And("""c."OrganisationId" = @organisation""", "organisation", organisationId, NpgsqlDbType.Uuid);
                where.Append(" AND c.\"IsOverdue\"");
                break;
            default:
                And("""c."OrganisationId" = @organisation""", "organisation", organisationId, NpgsqlDbType.Uuid);
                break;
        }

        // A case retention removed is nobody's work any more, as in CaseList.Query.
        where.Append(""" AND c."DeletedOn" IS NULL""");

        if (filter.Status is { } status)
        {
            And("""c."Status" = @status""", "status", status.ToString(), NpgsqlDbType.Varchar);
        }

        if (filter.Region is { } region)
        {
            And("""c."RegionCode" = @region""", "region", region, NpgsqlDbType.Varchar);
        }

        if (filter.Facility is { } facility)
        {
            And("""c."FacilityId" = @facility""", "facility", facility, NpgsqlDbType.Uuid);
        }

        if (filter.FacilityType is { } facilityType)
        {
            And("""c."FacilityTypeCode" = @facilityType""", "facilityType", facilityType, NpgsqlDbType.Varchar);
        }

        if (filter.AccusedAgency is { } agency)
        {
            And("""c."AccusedAgencyCode" = @agency""", "agency", agency, NpgsqlDbType.Varchar);
        }

        if (filter.IllTreatment is { } illTreatment)
        {
            And("""c."IllTreatmentCode" = @illTreatment""", "illTreatment", illTreatment, NpgsqlDbType.Varchar);
        }

        if (filter.ReceivedFrom is { } from)
        {
            And("""c."ReceivedOn" >= @from""", "from", from, NpgsqlDbType.Date);
        }

        if (filter.ReceivedTo is { } to)
        {
            And("""c."ReceivedOn" <= @until""", "until", to, NpgsqlDbType.Date);
        }

        var orderBy = filter.Sort switch
        {
            CaseSort.Oldest => """c."ReceivedOn", c."ReceivedSequence", c."Id" """,
            CaseSort.Due => """c."NextDueOn" IS NULL, c."NextDueOn", c."ReceivedOn", c."ReceivedSequence", c."Id" """,
            _ => """c."ReceivedOn" DESC, c."ReceivedSequence" DESC, c."Id" DESC""",
        };
        // The count stops one case beyond the look-ahead, as the app's does.
        var count = new SqlStatement(
            $"""SELECT count(*)::int FROM (SELECT 1 FROM "Cases" c {where} LIMIT @countLimit) t""",
            [.. parameters, ("countLimit", CountLimit(filter) + 1, NpgsqlDbType.Integer)]);
        List<(string, object, NpgsqlDbType)> pageParameters =
        [
            .. parameters,
            ("take", filter.PageSize, NpgsqlDbType.Integer),
            ("skip", (filter.Page - 1) * filter.PageSize, NpgsqlDbType.Integer),
        ];
        var page = new SqlStatement(
            $"""SELECT {Columns.ReplaceLineEndings(" ")} FROM "Cases" c {where} ORDER BY {orderBy.Trim()} LIMIT @take OFFSET @skip""",
            pageParameters);
        return (count, page);
    }

    private static int CountLimit(CaseListFilter filter) =>
        CaseList.CountLimit((filter.Page - 1) * filter.PageSize, filter.PageSize, new CasesOptions().CountLookAhead);

    private static Case Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        AccountCipher = r.GetFieldValue<byte[]>(1),
        AccusedAgencyCode = r.IsDBNull(2) ? null : r.GetString(2),
        Channel = Enum.Parse<IntakeChannel>(r.GetString(3)),
        ChannelDetailsCipher = r.IsDBNull(4) ? null : r.GetFieldValue<byte[]>(4),
        ConsentToShare = r.GetBoolean(5),
        ContactAllowed = r.IsDBNull(6) ? null : r.GetBoolean(6),
        ContactCipher = r.IsDBNull(7) ? null : r.GetFieldValue<byte[]>(7),
        ExternalId = r.IsDBNull(8) ? null : r.GetString(8),
        FacilityId = r.IsDBNull(9) ? null : r.GetGuid(9),
        FacilityTypeCode = r.IsDBNull(10) ? null : r.GetString(10),
        FirstReadAtUtc = r.IsDBNull(11) ? null : r.GetDateTime(11),
        IllTreatmentCode = r.IsDBNull(12) ? null : r.GetString(12),
        IncidentFrom = r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13),
        IncidentTo = r.IsDBNull(14) ? null : r.GetFieldValue<DateOnly>(14),
        IsOverdue = r.GetBoolean(15),
        IsUrgent = r.GetBoolean(16),
        Language = r.IsDBNull(17) ? null : r.GetString(17),
        MergedIntoCaseId = r.IsDBNull(18) ? null : r.GetGuid(18),
        MethodCodes = r.GetFieldValue<List<string>>(19),
        NextDueOn = r.IsDBNull(20) ? null : r.GetFieldValue<DateOnly>(20),
        OrganisationId = r.GetGuid(21),
        OutOfScopeReason = r.IsDBNull(22) ? null : r.GetString(22),
        ParticularsCipher = r.IsDBNull(23) ? null : r.GetFieldValue<byte[]>(23),
        PendingReferralOrganisationId = r.IsDBNull(24) ? null : r.GetGuid(24),
        PlaceCipher = r.IsDBNull(25) ? null : r.GetFieldValue<byte[]>(25),
        PublicId = r.GetString(26),
        ReceiptLookup = r.IsDBNull(27) ? null : r.GetFieldValue<byte[]>(27),
        ReceivedOn = r.GetFieldValue<DateOnly>(28),
        ReceivedSequence = r.GetInt32(29),
        RegionCode = r.IsDBNull(30) ? null : r.GetString(30),
        ReporterRelation = r.IsDBNull(31) ? null : Enum.Parse<ReporterRelation>(r.GetString(31)),
        Revision = r.GetInt32(32),
        Status = Enum.Parse<CaseStatus>(r.GetString(33)),
        VictimAgeBand = r.IsDBNull(34) ? null : r.GetString(34),
        VictimLegalStatus = r.IsDBNull(35) ? null : r.GetString(35),
        VictimSex = r.IsDBNull(36) ? null : Enum.Parse<VictimSex>(r.GetString(36)),
        VictimStillHeld = r.IsDBNull(37) ? null : r.GetBoolean(37),
        Vulnerabilities = r.GetFieldValue<List<string>>(38),
        DeletedOn = r.IsDBNull(39) ? null : r.GetFieldValue<DateOnly>(39),
    };
}
