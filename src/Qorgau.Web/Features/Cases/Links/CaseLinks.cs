using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Cases.Links;

/// <summary>A look-alike case of another organisation, as its supervisor may see it: the classification and a reference valid for this pair only.</summary>
public sealed record LinkCandidate(string Reference, LinkedCase Other);

/// <summary>A link of the case in hand, with the other side's classification; the other organisation's name only once it may be known.</summary>
public sealed record LinkView(CaseLink Link, LinkedCase Other, bool ProposedHere, LocalizedName? OtherOrganisation);

/// <summary>What one organisation sees of another's case: the classification in clear, never its number, content or status.</summary>
public sealed record LinkedCase(Guid? FacilityId, DateOnly? IncidentFrom, DateOnly? IncidentTo, string? AccusedAgencyCode, string? IllTreatmentCode, VictimSex? VictimSex, string? VictimAgeBand)
{
    public static LinkedCase Of(Case c) => new(c.FacilityId, c.IncidentFrom, c.IncidentTo, c.AccusedAgencyCode, c.IllTreatmentCode, c.VictimSex, c.VictimAgeBand);
}

/// <summary>
/// Links between cases of two organisations (<see cref="CaseLinkRules"/>): the look-alikes of other
/// organisations a supervisor may propose, the proposal, the other side's decision. Each step stages the
/// link and its audit entry in one <c>SaveChanges</c>. The other case is never named by its number or id:
/// a proposal carries a reference derived from both ids, which only this server can match again.
/// </summary>
public sealed class CaseLinks(QorgauDbContext db, AuditLog audit, VisibleCases visible, TimeProvider clock)
{
    /// <summary>At most this many look-alikes are offered.</summary>
    public const int MaxCandidates = 10;

    public async Task<IReadOnlyList<LinkCandidate>> CandidatesAsync(Case mine, Guid viewerId, CancellationToken cancellationToken) =>
        [.. (await LookAlikesAsync(mine, viewerId, cancellationToken)).Select(o => new LinkCandidate(Reference(mine, o), LinkedCase.Of(o)))];

    private async Task<List<Case>> LookAlikesAsync(Case mine, Guid viewerId, CancellationToken cancellationToken)
    {
        if (await InActiveLinkAsync(mine.Id, cancellationToken))
        {
            return [];
        }

        var query = db.Cases.AsNoTracking()
            .Where(c => c.OrganisationId != mine.OrganisationId && c.DeletedOn == null && c.MergedIntoCaseId == null)
            .Where(LookAlike.SameAllegation(mine))
            .Where(c => !db.CaseLinks.Any(l => (l.CaseId == c.Id || l.OtherCaseId == c.Id) && l.Status != CaseLinkStatus.Declined))
            .Where(c => !db.CaseLinks.Any(l => l.Status == CaseLinkStatus.Declined
                && ((l.CaseId == mine.Id && l.OtherCaseId == c.Id) || (l.CaseId == c.Id && l.OtherCaseId == mine.Id))));
        var others = await (await visible.FilterAsync(viewerId, query, cancellationToken))
            .OrderBy(c => c.IncidentFrom).ThenBy(c => c.Id).Take(MaxCandidates).ToListAsync(cancellationToken);
        return [.. others.Where(o => CaseLinkRules.Linkable(mine, o))];
    }

    public async Task<IReadOnlyList<LinkView>> OfAsync(Case mine, CancellationToken cancellationToken)
    {
        var links = await db.CaseLinks.AsNoTracking().Where(l => l.CaseId == mine.Id || l.OtherCaseId == mine.Id)
            .OrderByDescending(l => l.ProposedAtUtc).ToListAsync(cancellationToken);
        var otherIds = links.Select(l => l.OtherThan(mine.Id)).ToList();
        var others = await db.Cases.AsNoTracking().Where(c => otherIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var organisationIds = links.Select(l => l.CaseId == mine.Id ? l.OtherOrganisationId : l.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. links.Select(l =>
        {
            var proposedHere = l.CaseId == mine.Id;
            var otherOrganisation = proposedHere ? l.OtherOrganisationId : l.OrganisationId;

            // The proposer learns who holds the other case only when that organisation confirms; the other side sees who asks.
            var named = !proposedHere || l.Status == CaseLinkStatus.Confirmed;
            return new LinkView(l, LinkedCase.Of(others[l.OtherThan(mine.Id)]), proposedHere, named ? names.GetValueOrDefault(otherOrganisation) : null);
        })];
    }

    /// <summary>Proposes a link from <paramref name="mine"/> to the look-alike named by <paramref name="reference"/>; the problem when refused.</summary>
    public async Task<CaseLinkProblem?> ProposeAsync(Case mine, StaffUser member, bool isSupervisor, string? reference, CancellationToken cancellationToken)
    {
        if (!isSupervisor || member.OrganisationId != mine.OrganisationId)
        {
            return CaseLinkProblem.NotSupervisor;
        }

        var other = (await LookAlikesAsync(mine, member.Id, cancellationToken)).FirstOrDefault(o => Reference(mine, o) == reference?.Trim());
        if (other is null)
        {
            return await InActiveLinkAsync(mine.Id, cancellationToken) ? CaseLinkProblem.AlreadyLinked : CaseLinkProblem.NotALookAlike;
        }

        var active = await db.CaseLinks.Where(l => l.Status != CaseLinkStatus.Declined
            && (l.CaseId == mine.Id || l.OtherCaseId == mine.Id || l.CaseId == other.Id || l.OtherCaseId == other.Id)).ToListAsync(cancellationToken);
        if (CaseLinkRules.CheckProposal(mine, other, member.OrganisationId, isSupervisor, active) is { } problem)
        {
            return problem;
        }

        var link = CaseLinkRules.Propose(mine, other, member.Id, clock.GetUtcNow().UtcDateTime);
        db.CaseLinks.Add(link);
        await audit.WriteAsync(new AuditEvent("case.link-proposed", member.Id, mine.OrganisationId, "case", mine.Id.ToString(), $"link {link.Id}"), cancellationToken);
        return null;
    }

    /// <summary>Confirms or declines the link proposed to <paramref name="mine"/>; the problem when refused.</summary>
    public async Task<CaseLinkProblem?> DecideAsync(Case mine, StaffUser member, bool isSupervisor, Guid? linkId, bool confirm, CancellationToken cancellationToken)
    {
        if (!isSupervisor || member.OrganisationId != mine.OrganisationId)
        {
            return CaseLinkProblem.NotSupervisor;
        }

        var link = linkId is { } id ? await db.CaseLinks.FirstOrDefaultAsync(l => l.Id == id && l.OtherCaseId == mine.Id, cancellationToken) : null;
        if (link is null || CaseLinkRules.CheckDecision(link, mine, member.OrganisationId, isSupervisor) is not null)
        {
            return CaseLinkProblem.NotPending;
        }

        CaseLinkRules.Decide(link, confirm, member.Id, clock.GetUtcNow().UtcDateTime);
        var action = confirm ? "case.link-confirmed" : "case.link-declined";
        await audit.WriteAsync(new AuditEvent(action, member.Id, mine.OrganisationId, "case", mine.Id.ToString(), $"link {link.Id}"), cancellationToken);
        return null;
    }

    /// <summary>How many links wait for this organisation's decision on the case.</summary>
    public Task<int> AwaitingAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.CaseLinks.CountAsync(l => l.OtherCaseId == caseId && l.Status == CaseLinkStatus.Proposed, cancellationToken);

    /// <summary>A reference for the pair that names neither case: only a server holding both ids finds the pair again.</summary>
    public static string Reference(Case mine, Case other) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"case-link:{mine.Id:N}:{other.Id:N}")))[..32];

    private Task<bool> InActiveLinkAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.CaseLinks.AnyAsync(l => (l.CaseId == caseId || l.OtherCaseId == caseId) && l.Status != CaseLinkStatus.Declined, cancellationToken);
}
