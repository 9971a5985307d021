using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    private const string NotRemoved = "\"DeletedOn\" IS NULL";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.PublicId).HasMaxLength(16);
        builder.HasIndex(c => c.PublicId).IsUnique();
        builder.HasIndex(c => c.ReceiptLookup).IsUnique();
        builder.Property(c => c.ReceiptLookup).HasMaxLength(32);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ReporterRelation).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.VictimSex).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.RegionCode).HasMaxLength(16);
        builder.Property(c => c.AccusedAgencyCode).HasMaxLength(64);
        builder.Property(c => c.IllTreatmentCode).HasMaxLength(64);
        builder.Property(c => c.VictimAgeBand).HasMaxLength(64);
        builder.Property(c => c.VictimLegalStatus).HasMaxLength(64);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.FacilityTypeCode).HasMaxLength(64);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.PendingReferralOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.OutOfScopeReason).HasMaxLength(64);
        builder.Property(c => c.ExternalId).HasMaxLength(128);
        builder.HasIndex(c => new { c.OrganisationId, c.ExternalId }).IsUnique();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.MergedIntoCaseId).OnDelete(DeleteBehavior.Restrict);

        // The case list: every queue and filter starts from the organisation and pages by day received and the day's sequence.
        // The included codes let PostgreSQL count the filters that have no index of their own from the index
        // alone (docs/benchmarks-cases.md); SQLite ignores included columns.
        // They hold only the cases retention has not removed, the ones the list shows (CaseList.Query), so a
        // count stays an index-only scan instead of visiting every row for "DeletedOn".
        builder.HasIndex(c => new { c.OrganisationId, c.ReceivedOn, c.ReceivedSequence })
            .IncludeProperties(c => new { c.FacilityTypeCode, c.IllTreatmentCode })
            .HasFilter(NotRemoved);
        builder.HasIndex(c => new { c.OrganisationId, c.Status, c.ReceivedOn, c.ReceivedSequence }).HasFilter(NotRemoved);
        builder.HasIndex(c => new { c.OrganisationId, c.RegionCode, c.ReceivedOn, c.ReceivedSequence })
            .IncludeProperties(c => c.AccusedAgencyCode)
            .HasFilter(NotRemoved);
        builder.HasIndex(c => new { c.OrganisationId, c.AccusedAgencyCode, c.ReceivedOn, c.ReceivedSequence }).HasFilter(NotRemoved);
        builder.HasIndex(c => new { c.OrganisationId, c.IsOverdue, c.ReceivedOn, c.ReceivedSequence }).HasFilter(NotRemoved);

        // The urgent queue: 4 % of the cases, found without visiting the other 96 %.
        builder.HasIndex(c => new { c.OrganisationId, c.ReceivedOn, c.ReceivedSequence }, "IX_Cases_Urgent")
            .IncludeProperties(c => c.Status)
            .HasFilter("\"IsUrgent\" AND \"DeletedOn\" IS NULL");
        builder.HasIndex(c => new { c.FacilityId, c.IncidentFrom });
        builder.HasIndex(c => c.NextDueOn);
    }
}

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> builder)
    {
        builder.Property(m => m.Author).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.CaseId, m.SentAtUtc });
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.Property(a => a.AddedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.BlobId).HasMaxLength(64);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CaseId);
    }
}

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> builder)
    {
        builder.Property(w => w.RequestedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(w => w.IsFollowUpPending);
        builder.HasOne<Case>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.CaseId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.OccurredAtUtc });
        builder.HasIndex(e => new { e.Kind, e.OccurredAtUtc });
    }
}

internal sealed class ReceiptSessionConfiguration : IEntityTypeConfiguration<ReceiptSession>
{
    public void Configure(EntityTypeBuilder<ReceiptSession> builder)
    {
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}

internal sealed class ProceedingConfiguration : IEntityTypeConfiguration<Proceeding>
{
    public void Configure(EntityTypeBuilder<Proceeding> builder)
    {
        builder.HasKey(p => p.CaseId);
        builder.Property(p => p.RegisterNumber).HasMaxLength(CaseLimits.RegisterNumber);
        builder.Property(p => p.ArticleAtRegistration).HasMaxLength(32);
        builder.Property(p => p.CurrentArticle).HasMaxLength(32);
        builder.Property(p => p.InvestigatingBody).HasMaxLength(64);
        builder.Property(p => p.PendingArticle).HasMaxLength(32);
        builder.Property(p => p.PendingReason).HasMaxLength(CaseLimits.Text);
        builder.Property(p => p.PendingInvestigatingBody).HasMaxLength(64);
        builder.Property(p => p.TerminationReason).HasMaxLength(64);
        builder.Property(p => p.Court).HasMaxLength(CaseLimits.Court);
        builder.Property(p => p.AppealedBy).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Case>().WithOne().HasForeignKey<Proceeding>(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.Property(q => q.ArticleCode).HasMaxLength(32);
        builder.Property(q => q.PreviousArticleCode).HasMaxLength(32);
        builder.Property(q => q.Reason).HasMaxLength(CaseLimits.Text);
        builder.HasOne<Case>().WithMany().HasForeignKey(q => q.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.CaseId, q.On });
    }
}

internal sealed class AccusedOfficialConfiguration : IEntityTypeConfiguration<AccusedOfficial>
{
    public void Configure(EntityTypeBuilder<AccusedOfficial> builder)
    {
        builder.Property(o => o.AgencyCode).HasMaxLength(64);
        builder.Property(o => o.Position).HasMaxLength(CaseLimits.OfficialPosition);
        builder.Property(o => o.Rank).HasMaxLength(CaseLimits.OfficialRank);
        builder.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.CaseId);
    }
}

internal sealed class SentenceConfiguration : IEntityTypeConfiguration<Sentence>
{
    public void Configure(EntityTypeBuilder<Sentence> builder)
    {
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ArticleCode).HasMaxLength(32);
        builder.Property(s => s.Fine).HasPrecision(18, 2);
        builder.Property(s => s.FineMrp).HasPrecision(18, 2);
        builder.Property(s => s.FineIndexTenge).HasPrecision(18, 2);
        builder.Property(s => s.CorrectionalLabourMrp).HasPrecision(18, 2);
        builder.Ignore(s => s.Terms);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AccusedOfficial>().WithMany().HasForeignKey(s => s.OfficialId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CaseId, s.On });
    }
}

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> builder)
    {
        builder.Property(a => a.Role).HasMaxLength(32);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.EndedAtUtc });
        builder.HasIndex(a => new { a.CaseId, a.EndedAtUtc });
    }
}

internal sealed class IndependenceOverrideConfiguration : IEntityTypeConfiguration<IndependenceOverride>
{
    public void Configure(EntityTypeBuilder<IndependenceOverride> builder)
    {
        builder.Property(o => o.Subject).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Role).HasMaxLength(32);
        builder.Property(o => o.AccusedAgencyCode).HasMaxLength(64);
        builder.Property(o => o.RequestReason).HasMaxLength(2000);
        builder.Property(o => o.DecisionReason).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.CaseId, o.RequestedAtUtc });
        builder.HasIndex(o => o.DecidedAtUtc);
    }
}

internal sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.Ignore(d => d.IsOpen);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.CaseId, d.Code });
        builder.HasIndex(d => new { d.MetAtUtc, d.DueOn });
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.TokenHash).HasMaxLength(32);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffReminderConfiguration : IEntityTypeConfiguration<StaffReminder>
{
    public void Configure(EntityTypeBuilder<StaffReminder> builder)
    {
        builder.Property(r => r.DeadlineCode).HasMaxLength(64);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UserId, r.ReadAtUtc });
    }
}
