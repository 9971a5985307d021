using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.BlobId).HasMaxLength(64);
        builder.Property(e => e.OriginalSha256).HasMaxLength(64);
        builder.Property(e => e.CiphertextSha256).HasMaxLength(64);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.AddedAtUtc });
        builder.HasOne<ForensicExamination>().WithMany().HasForeignKey(e => e.MedicalExaminationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.MedicalExaminationId);
    }
}

internal sealed class CustodyEntryConfiguration : IEntityTypeConfiguration<CustodyEntry>
{
    public void Configure(EntityTypeBuilder<CustodyEntry> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.OriginalSha256).HasMaxLength(64);
        builder.Property(e => e.CiphertextSha256).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasOne<EvidenceItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // Two appends racing for the same place in an item's chain: one of them fails and retries.
        builder.HasIndex(e => new { e.ItemId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.CaseId);
    }
}

internal sealed class CustodySignerGrantConfiguration : IEntityTypeConfiguration<CustodySignerGrant>
{
    public void Configure(EntityTypeBuilder<CustodySignerGrant> builder)
    {
        builder.HasKey(g => new { g.OrganisationId, g.UserId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
