using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Data;

/// <summary>
/// The one database model. Each provider has a subclass only so that it can carry its own
/// migrations set (see docs/decisions/0002-two-migration-sets.md); the model is the same.
/// </summary>
public abstract class QorgauDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys, shared by every app node through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    /// <summary>Attempts counted by the rate limits and the sign-in throttle, shared by every app node.</summary>
    public DbSet<ThrottleEvent> ThrottleEvents => Set<ThrottleEvent>();

    /// <summary>Proof-of-work challenges already used, shared by every app node.</summary>
    public DbSet<SpentChallenge> SpentChallenges => Set<SpentChallenge>();

    public DbSet<OrganisationKeyHolder> OrganisationKeyHolders => Set<OrganisationKeyHolder>();

    public DbSet<CaseKeyGrant> CaseKeyGrants => Set<CaseKeyGrant>();

    public DbSet<Installation> Installations => Set<Installation>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Signed checkpoints of the audit log (also kept in the anchor file outside the database).</summary>
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<Withdrawal> Withdrawals => Set<Withdrawal>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<ReceiptSession> ReceiptSessions => Set<ReceiptSession>();

    public DbSet<Proceeding> Proceedings => Set<Proceeding>();

    public DbSet<Qualification> Qualifications => Set<Qualification>();

    public DbSet<AccusedOfficial> AccusedOfficials => Set<AccusedOfficial>();

    public DbSet<Sentence> Sentences => Set<Sentence>();

    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();

    public DbSet<IndependenceOverride> IndependenceOverrides => Set<IndependenceOverride>();

    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<StaffReminder> StaffReminders => Set<StaffReminder>();

    public DbSet<PreservationRequest> PreservationRequests => Set<PreservationRequest>();

    // Forensic examinations, victim support and redress, the incident register (issue 7).
    public DbSet<ForensicExamination> ForensicExaminations => Set<ForensicExamination>();

    public DbSet<SupportReferral> SupportReferrals => Set<SupportReferral>();

    public DbSet<ProtectiveMeasure> ProtectiveMeasures => Set<ProtectiveMeasure>();

    public DbSet<CompensationClaim> CompensationClaims => Set<CompensationClaim>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentCase> IncidentCases => Set<IncidentCase>();

    // Evidence (issue 7): items, their custody logs, and the signing key copies of members who sign custody entries.
    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();

    public DbSet<CustodyEntry> CustodyEntries => Set<CustodyEntry>();

    public DbSet<CustodySignerGrant> CustodySignerGrants => Set<CustodySignerGrant>();

    // Monitoring (issue 17): visits, their team and record, recommendations and their follow-up.
    public DbSet<MonitoringVisit> MonitoringVisits => Set<MonitoringVisit>();

    public DbSet<VisitTeamMember> VisitTeamMembers => Set<VisitTeamMember>();

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    public DbSet<RegisterCheck> RegisterChecks => Set<RegisterCheck>();

    public DbSet<VisitInterview> VisitInterviews => Set<VisitInterview>();

    public DbSet<VisitFinding> VisitFindings => Set<VisitFinding>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationFollowUp> RecommendationFollowUps => Set<RecommendationFollowUp>();

    // Notifications (issue 18): each member's choice of in-app and e-mail notices, and their in-app notices of assignments.
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<StaffNotice> StaffNotices => Set<StaffNotice>();

    // Complaint boxes and video rooms (issue 17): the register, openings, their openers and items turned into complaints; rooms checked at visits.
    public DbSet<ComplaintBox> ComplaintBoxes => Set<ComplaintBox>();

    public DbSet<BoxOpening> BoxOpenings => Set<BoxOpening>();

    public DbSet<BoxOpener> BoxOpeners => Set<BoxOpener>();

    public DbSet<BoxItem> BoxItems => Set<BoxItem>();

    public DbSet<VideoRoomCheck> VideoRoomChecks => Set<VideoRoomCheck>();

    /// <summary>Each visit's sealing key for the offline form (docs/decisions/0007).</summary>
    public DbSet<VisitOfflineKey> VisitOfflineKeys => Set<VisitOfflineKey>();

    /// <summary>The conditions checklist of each area a visit entered (issue 17).</summary>
    public DbSet<ConditionCheck> ConditionChecks => Set<ConditionCheck>();

    /// <summary>One row: the version of the published statistics (<see cref="StatisticsStamp"/>).</summary>
    public DbSet<StatisticsStamp> StatisticsStamps => Set<StatisticsStamp>();

    /// <summary>The table of first-reached days the funnel counts (<see cref="CaseFunnelStage"/>).</summary>
    public DbSet<CaseFunnelStage> CaseFunnelStages => Set<CaseFunnelStage>();

    // Retention (issue 19): each organisation's periods and the legal holds that keep a case whatever they say.
    public DbSet<Domain.Retention.RetentionRule> RetentionRules => Set<Domain.Retention.RetentionRule>();

    public DbSet<Domain.Retention.LegalHold> LegalHolds => Set<Domain.Retention.LegalHold>();

    // Linking across organisations (issue 16): one allegation that reached two organisations, counted once.
    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();

    /// <summary>The audit log is append-only: the model refuses to update or delete its rows.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(QorgauDbContext).Assembly);
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only; they cannot be changed or deleted.");
        }

        if (ChangeTracker.Entries<AuditCheckpoint>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit checkpoints are append-only; they cannot be changed or deleted.");
        }

        if (ChangeTracker.Entries<CaseEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Case events are append-only; they cannot be changed or deleted.");
        }

        if (ChangeTracker.Entries<CustodyEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Custody entries are append-only; they cannot be changed or deleted.");
        }
    }
}

public sealed class SqliteQorgauDbContext(DbContextOptions<SqliteQorgauDbContext> options) : QorgauDbContext(options);

public sealed class PostgresQorgauDbContext(DbContextOptions<PostgresQorgauDbContext> options) : QorgauDbContext(options);
