using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// The data step of the article-parts change: proceedings, qualifications and sentences recorded under
/// an article the profile now divides into parts (Kazakhstan's bare 146) are moved to the part the
/// case's kind of ill-treatment indicates (<see cref="ArticleParts.Infer"/>), and each such case gets a
/// <c>qualification.part-inferred</c> event flagged <see cref="CaseFlag.ArticlePartInferred"/>. It runs after
/// the schema migrations (app start and the <c>migrate</c> verb), not inside one: which part a kind means
/// is profile data, which a migration must not hard-code. Idempotent: once moved, no row holds the bare
/// article any more, so a second run finds nothing.
/// </summary>
public static class ArticlePartStep
{
    public const string Source = "migration";

    /// <returns>The number of cases whose qualification was inferred.</returns>
    public static async Task<int> RunAsync(QorgauDbContext db, JurisdictionProfile profile, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var wholes = profile.Articles.Where(a => profile.PartsOf(a.Code).Count > 0).Select(a => a.Code).ToList();
        if (wholes.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cases = 0;
        foreach (var whole in wholes)
        {
            var found = await db.Proceedings.AsNoTracking()
                .Where(p => p.ArticleAtRegistration == whole || p.CurrentArticle == whole || p.PendingArticle == whole)
                .Join(db.Cases, p => p.CaseId, c => c.Id, (p, c) => new { p.CaseId, p.CurrentArticle, c.IllTreatmentCode })
                .ToListAsync(cancellationToken);
            foreach (var group in found.GroupBy(f => f.IllTreatmentCode))
            {
                var part = ArticleParts.Infer(profile, whole, group.Key)!;
                var ids = group.Select(f => f.CaseId).ToList();
                await MoveAsync(db, ids, whole, part, cancellationToken);
                db.CaseEvents.AddRange(group.Select(f => Event(f.CaseId, whole, part, group.Key, f.CurrentArticle == whole, nowUtc)));
                cases += ids.Count;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cases;
    }

    private static async Task MoveAsync(QorgauDbContext db, List<Guid> ids, string whole, string part, CancellationToken cancellationToken)
    {
        var proceedings = db.Proceedings.Where(p => ids.Contains(p.CaseId));
        await proceedings.Where(p => p.ArticleAtRegistration == whole).ExecuteUpdateAsync(s => s.SetProperty(p => p.ArticleAtRegistration, part), cancellationToken);
        await proceedings.Where(p => p.CurrentArticle == whole).ExecuteUpdateAsync(s => s.SetProperty(p => p.CurrentArticle, part), cancellationToken);
        await proceedings.Where(p => p.PendingArticle == whole).ExecuteUpdateAsync(s => s.SetProperty(p => p.PendingArticle, part), cancellationToken);
        var qualifications = db.Qualifications.Where(q => ids.Contains(q.CaseId));
        await qualifications.Where(q => q.ArticleCode == whole).ExecuteUpdateAsync(s => s.SetProperty(q => q.ArticleCode, part), cancellationToken);
        await qualifications.Where(q => q.PreviousArticleCode == whole).ExecuteUpdateAsync(s => s.SetProperty(q => q.PreviousArticleCode, part), cancellationToken);
        await db.Sentences.Where(s => ids.Contains(s.CaseId) && s.ArticleCode == whole).ExecuteUpdateAsync(s => s.SetProperty(x => x.ArticleCode, part), cancellationToken);
    }

    /// <param name="current">The case stands under the bare article now: the event then carries the article, as a requalification would, so that a state rebuilt from the events has the part.</param>
    private static CaseEvent Event(Guid caseId, string whole, string part, string? kind, bool current, DateTime nowUtc) =>
        CaseEvents.ArticlePartInferred(caseId, nowUtc, whole, part, kind, current, Source);
}
