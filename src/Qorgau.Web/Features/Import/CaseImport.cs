using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Import;

/// <summary>What an import did: how many cases it stored (none when any row was bad) and every problem.</summary>
public sealed record CaseImportResult(int Imported, IReadOnlyList<DataProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Rows imported with flags (a decision the 2023 bars forbid, a requalification away from torture): the import records them and says so.</summary>
    public IReadOnlyList<DataProblem> Flagged { get; init; } = [];
}

/// <summary>
/// The historical case import (<c>import cases FILE.csv</c>): rows stream from the file through the
/// domain's rules (<see cref="HistoricalCaseCsv"/>) and are stored in batches inside one transaction,
/// so that memory stays flat however long the file is, and a file with any bad row stores nothing.
/// Identifiers already used by the organisation are bad rows too: the same file twice is refused.
/// </summary>
public sealed class CaseImport(QorgauDbContext db, JurisdictionProfile profile, AuditLog audit, TimeProvider clock)
{
    public const int DefaultBatchSize = 1000;

    private readonly BatchInsert _insert = new(db);

    /// <summary>The organisation named by code, or the default intake organisation when none is named.</summary>
    public Task<Organisation?> FindOrganisationAsync(string? code, CancellationToken cancellationToken = default) =>
        code is null
            ? db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.IsDefaultIntake, cancellationToken)
            : db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken);

    /// <param name="progress">Called after each row with the rows read so far (the verb draws its bar from the stream position).</param>
    public async Task<CaseImportResult> ImportAsync(TextReader reader, string fileName, Organisation organisation, Action<int>? progress = null, int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        var problems = new List<DataProblem>();
        var flagged = new List<DataProblem>();
        var publicIds = new PublicIdPool(db, batchSize);
        var target = new ImportTarget(organisation.Id, organisation.AffiliationAgencyCode, publicIds.Next, organisation.Kind);
        var today = ProfileCalendar.Today(profile, clock);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = new List<ImportedCase>(batchSize);
            var rows = 0;
            var stored = 0;
            foreach (var imported in HistoricalCaseCsv.Read(reader, fileName, profile, target, today, problems))
            {
                batch.Add(imported);
                flagged.AddRange(imported.FlagNotes().Select(note => new DataProblem(fileName, imported.Line, note)));
                progress?.Invoke(++rows);
                if (batch.Count == batchSize)
                {
                    stored += await StoreAsync(batch, fileName, organisation, problems, cancellationToken);
                    publicIds.Stored();
                }
            }

            stored += await StoreAsync(batch, fileName, organisation, problems, cancellationToken);
            if (problems.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new CaseImportResult(0, problems);
            }

            // The batches bypass change tracking, so the statistics stamp is not written for them.
            StatisticsStamp.Bump(db);
            await audit.WriteAsync(new AuditEvent("cases.imported", null, organisation.Id, "organisation", organisation.Id.ToString(), $"cases={stored}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new CaseImportResult(stored, []) { Flagged = flagged };
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Refuses the rows whose identifier the organisation already has, then (while the file is still
    /// good) stores the batch. After the first bad row nothing more is written, but reading goes on so
    /// that every bad row is named.
    /// </summary>
    private async Task<int> StoreAsync(List<ImportedCase> batch, string fileName, Organisation organisation, List<DataProblem> problems, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var ids = batch.Select(c => c.Case.ExternalId!).ToList();
        var taken = (await db.Cases.AsNoTracking()
            .Where(c => c.OrganisationId == organisation.Id && ids.Contains(c.ExternalId!))
            .Select(c => c.ExternalId!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var imported in batch.Where(c => taken.Contains(c.Case.ExternalId!)))
        {
            problems.Add(new DataProblem(fileName, imported.Line, $"column 'external_id': '{imported.Case.ExternalId}' is already a case of organisation {organisation.Code} (imported before)"));
        }

        var count = batch.Count;
        if (problems.Count == 0)
        {
            await InsertAsync(batch, cancellationToken);
        }

        batch.Clear();
        return problems.Count == 0 ? count : 0;
    }

    /// <summary>In the order of the foreign keys: cases, then what belongs to them, officials before their sentences.</summary>
    private async Task InsertAsync(List<ImportedCase> batch, CancellationToken cancellationToken)
    {
        await _insert.InsertAsync([.. batch.Select(c => c.Case)], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => c.Deadlines)], cancellationToken);
        await _insert.InsertAsync([.. batch.Select(c => c.Proceeding).OfType<Domain.Proceedings.Proceeding>()], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => c.Qualifications)], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => c.Officials)], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => c.Sentences)], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => c.CompensationClaims)], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => c.Events)], cancellationToken);
        await _insert.InsertAsync([.. batch.SelectMany(c => Statistics.FunnelStageWriter.RowsOf(profile, c.Case, c.Proceeding, c.Events))], cancellationToken);
    }

    /// <summary>
    /// Public case numbers that are free: drawn a batch at a time and checked against the database (which,
    /// inside the import's transaction, holds the batches stored so far) and against those handed out since.
    /// </summary>
    private sealed class PublicIdPool(QorgauDbContext db, int size)
    {
        private readonly Queue<string> _ready = new();
        private readonly HashSet<string> _handedOut = new(StringComparer.Ordinal);

        public string Next()
        {
            while (_ready.Count == 0)
            {
                Refill();
            }

            var id = _ready.Dequeue();
            _handedOut.Add(id);
            return id;
        }

        /// <summary>The numbers handed out so far are in the database now: checking there is enough.</summary>
        public void Stored() => _handedOut.Clear();

        private void Refill()
        {
            var candidates = Enumerable.Range(0, size).Select(_ => PublicCaseId.New()).Where(id => !_handedOut.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
            var taken = db.Cases.AsNoTracking().Where(c => candidates.Contains(c.PublicId)).Select(c => c.PublicId).ToHashSet(StringComparer.Ordinal);
            foreach (var id in candidates.Where(id => !taken.Contains(id)))
            {
                _ready.Enqueue(id);
            }
        }
    }
}
