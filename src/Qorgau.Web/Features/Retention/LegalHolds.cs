using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Retention;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Retention;

/// <summary>A supervisor of an organisation: the only member who sets its retention periods and places or lifts its holds.</summary>
public sealed record RetentionSupervisor(StaffUser User, Guid OrganisationId);

/// <summary>A hold as the page shows it: the case's number and the names of who placed and lifted it.</summary>
public sealed record HoldRow(LegalHold Hold, string PublicId, string PlacedBy, string? LiftedBy);

/// <summary>
/// Legal holds and retention periods, by an organisation's own supervisors only: an administrator (who
/// manages accounts and could make himself anything else) and another organisation's supervisor find
/// nothing. Every change is written with its audit entry in one <c>SaveChanges</c>; the reasons stay on the
/// hold, never in the audit log (which holds no typed text).
/// </summary>
public sealed class LegalHolds(QorgauDbContext db, UserManager<StaffUser> users, VisibleCases visible, AuditLog audit, TimeProvider clock, Domain.Profiles.JurisdictionProfile profile)
{
    public const string HoldPlacedAction = "retention.hold-placed";
    public const string HoldLiftedAction = "retention.hold-lifted";
    public const string RulesSetAction = "retention.rules-set";

    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string NotFound = "not-found";
    public const string AlreadyHeld = "already-held";
    public const string NotANumber = "not-a-number";

    public async Task<RetentionSupervisor?> SupervisorAsync(ClaimsPrincipal principal) =>
        principal.IsInRole(StaffRole.Supervisor) && !principal.IsInRole(StaffRole.Administrator)
            && await users.GetUserAsync(principal) is { OrganisationId: { } organisationId } user
            ? new RetentionSupervisor(user, organisationId)
            : null;

    /// <summary>The organisation's holds on cases this supervisor may see, active first, newest first.</summary>
    public async Task<IReadOnlyList<HoldRow>> ListAsync(RetentionSupervisor supervisor, CancellationToken cancellationToken)
    {
        var cases = await visible.FilterAsync(supervisor.User.Id, db.Cases.AsNoTracking().Where(c => c.OrganisationId == supervisor.OrganisationId), cancellationToken);
        var rows = await db.LegalHolds.AsNoTracking()
            .Where(h => h.OrganisationId == supervisor.OrganisationId)
            .Join(cases, h => h.CaseId, c => c.Id, (h, c) => new
            {
                Hold = h,
                c.PublicId,
                PlacedBy = db.Users.Where(u => u.Id == h.PlacedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                LiftedBy = db.Users.Where(u => u.Id == h.LiftedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Hold.LiftedAtUtc is not null).ThenByDescending(r => r.Hold.PlacedAtUtc).Select(r => new HoldRow(r.Hold, r.PublicId, r.PlacedBy ?? "?", r.LiftedBy))];
    }

    /// <summary>Places a hold on one of the organisation's cases; the problems by field when refused.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PlaceAsync(RetentionSupervisor supervisor, string? publicId, string? reason, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        CheckReason(reason, "reason", problems);
        var number = Qorgau.Domain.Intake.PublicCaseId.Normalise(publicId);
        var cases = await visible.FilterAsync(supervisor.User.Id, db.Cases.Where(c => c.OrganisationId == supervisor.OrganisationId && c.DeletedOn == null), cancellationToken);
        var caseId = string.IsNullOrEmpty(number) ? null : await cases.Where(c => c.PublicId == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (string.IsNullOrEmpty(number))
        {
            problems["case"] = Required;
        }
        else if (caseId is null)
        {
            problems["case"] = NotFound;
        }
        else if (await db.LegalHolds.AnyAsync(h => h.CaseId == caseId && h.LiftedAtUtc == null, cancellationToken))
        {
            problems["case"] = AlreadyHeld;
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var hold = new LegalHold
        {
            CaseId = caseId!.Value,
            OrganisationId = supervisor.OrganisationId,
            PlacedByUserId = supervisor.User.Id,
            PlacedAtUtc = clock.GetUtcNow().UtcDateTime,
            Reason = reason!.Trim(),
        };
        db.LegalHolds.Add(hold);
        await audit.WriteAsync(new AuditEvent(HoldPlacedAction, supervisor.User.Id, supervisor.OrganisationId, "case", hold.CaseId.ToString(), $"hold={hold.Id}"), cancellationToken);
        return problems;
    }

    /// <summary>Lifts an active hold of the organisation; null when there is no such hold (another organisation's is not found either).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> LiftAsync(RetentionSupervisor supervisor, Guid holdId, string? reason, CancellationToken cancellationToken)
    {
        var cases = await visible.FilterAsync(supervisor.User.Id, db.Cases.Where(c => c.OrganisationId == supervisor.OrganisationId), cancellationToken);
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == holdId && h.OrganisationId == supervisor.OrganisationId && h.LiftedAtUtc == null && cases.Any(c => c.Id == h.CaseId), cancellationToken);
        if (hold is null)
        {
            return null;
        }

        var problems = new Dictionary<string, string>();
        CheckReason(reason, "liftReason", problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        hold.LiftedByUserId = supervisor.User.Id;
        hold.LiftedAtUtc = clock.GetUtcNow().UtcDateTime;
        hold.LiftReason = reason!.Trim();
        await audit.WriteAsync(new AuditEvent(HoldLiftedAction, supervisor.User.Id, supervisor.OrganisationId, "case", hold.CaseId.ToString(), $"hold={hold.Id}"), cancellationToken);
        return problems;
    }

    /// <summary>Sets the organisation's periods, each no shorter than the profile's floor; the problems by field when refused.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SetRulesAsync(RetentionSupervisor supervisor, string? closedCaseDays, string? unusedReceiptDays, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        var closed = Days(closedCaseDays, profile.Retention.ClosedCase, "closedCaseDays", problems);
        var receipt = Days(unusedReceiptDays, profile.Retention.UnusedReceipt, "unusedReceiptDays", problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        var rule = await db.RetentionRules.FirstOrDefaultAsync(r => r.OrganisationId == supervisor.OrganisationId, cancellationToken);
        if (rule is null)
        {
            rule = new RetentionRule { OrganisationId = supervisor.OrganisationId };
            db.RetentionRules.Add(rule);
        }

        rule.ClosedCaseDays = closed;
        rule.UnusedReceiptDays = receipt;
        rule.SetByUserId = supervisor.User.Id;
        rule.SetAtUtc = clock.GetUtcNow().UtcDateTime;
        await audit.WriteAsync(
            new AuditEvent(RulesSetAction, supervisor.User.Id, supervisor.OrganisationId, "organisation", supervisor.OrganisationId.ToString(), $"closed-case={closed};unused-receipt={receipt}"),
            cancellationToken);
        return problems;
    }

    public Task<RetentionRule?> RuleAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.RetentionRules.AsNoTracking().FirstOrDefaultAsync(r => r.OrganisationId == organisationId, cancellationToken);

    private static int Days(string? text, RetentionPeriod? period, string field, Dictionary<string, string> problems)
    {
        if (period is null)
        {
            return 0;
        }

        if (!int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            problems[field] = string.IsNullOrWhiteSpace(text) ? Required : NotANumber;
            return 0;
        }

        if (RetentionRules.Check(days, period) is { } problem)
        {
            problems[field] = problem;
        }

        return days;
    }

    private static void CheckReason(string? reason, string field, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems[field] = Required;
        }
        else if (reason.Trim().Length > LegalHoldLimits.Reason)
        {
            problems[field] = TooLong;
        }
    }
}
