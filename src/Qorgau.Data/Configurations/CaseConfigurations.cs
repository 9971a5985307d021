using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
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
        builder.HasIndex(c => new { c.OrganisationId, c.Status, c.ReceivedAtUtc });
        builder.HasIndex(c => new { c.FacilityId, c.IncidentFrom });
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
        builder.HasOne<Case>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.CaseId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(500);
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
