using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class ForensicExaminationConfiguration : IEntityTypeConfiguration<ForensicExamination>
{
    public void Configure(EntityTypeBuilder<ForensicExamination> builder)
    {
        builder.Property(e => e.Consistency).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.CaseId);
    }
}

internal sealed class SupportReferralConfiguration : IEntityTypeConfiguration<SupportReferral>
{
    public void Configure(EntityTypeBuilder<SupportReferral> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(r => r.StatusOn);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CaseId);
    }
}

internal sealed class ProtectiveMeasureConfiguration : IEntityTypeConfiguration<ProtectiveMeasure>
{
    public void Configure(EntityTypeBuilder<ProtectiveMeasure> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(m => m.StatusOn);
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Withdrawal>().WithMany().HasForeignKey(m => m.WithdrawalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.CaseId);
    }
}

internal sealed class CompensationClaimConfiguration : IEntityTypeConfiguration<CompensationClaim>
{
    public void Configure(EntityTypeBuilder<CompensationClaim> builder)
    {
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.AmountClaimed).HasPrecision(18, 2);
        builder.Property(c => c.AmountAwarded).HasPrecision(18, 2);
        builder.Property(c => c.AmountPaid).HasPrecision(18, 2);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.CaseId);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Inquiry).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(i => i.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.OrganisationId, i.OccurredOn });
        builder.HasIndex(i => i.FacilityId);
    }
}

internal sealed class IncidentCaseConfiguration : IEntityTypeConfiguration<IncidentCase>
{
    public void Configure(EntityTypeBuilder<IncidentCase> builder)
    {
        builder.HasKey(l => new { l.IncidentId, l.CaseId });
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CaseId);
    }
}
