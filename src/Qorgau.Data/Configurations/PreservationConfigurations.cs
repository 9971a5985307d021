using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Preservation;

namespace Qorgau.Data.Configurations;

internal sealed class PreservationRequestConfiguration : IEntityTypeConfiguration<PreservationRequest>
{
    public void Configure(EntityTypeBuilder<PreservationRequest> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.IsOpen);
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Reference).HasMaxLength(20);
        builder.HasIndex(p => p.CaseId);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => new { p.Status, p.DueOn });
    }
}
