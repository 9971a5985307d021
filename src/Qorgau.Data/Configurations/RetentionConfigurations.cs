using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Retention;

namespace Qorgau.Data.Configurations;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.HasKey(r => r.OrganisationId);
        builder.HasOne<Organisation>().WithOne().HasForeignKey<RetentionRule>(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.Ignore(h => h.IsActive);
        builder.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(h => h.Reason).HasMaxLength(LegalHoldLimits.Reason);
        builder.Property(h => h.LiftReason).HasMaxLength(LegalHoldLimits.Reason);
        builder.HasIndex(h => new { h.CaseId, h.LiftedAtUtc });
        builder.HasIndex(h => h.OrganisationId);
    }
}
