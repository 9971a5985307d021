using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(l => l.IsActive);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.OtherCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OtherOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.CaseId, l.Status });
        builder.HasIndex(l => new { l.OtherCaseId, l.Status });

        // The funnel's "which cases count" asks, per case, for a confirmed link that leaves it out.
        builder.HasIndex(l => new { l.LaterCaseId, l.Status, l.DecidedAtUtc });
    }
}
