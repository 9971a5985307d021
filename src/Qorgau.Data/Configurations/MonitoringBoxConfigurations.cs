using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;

namespace Qorgau.Data.Configurations;

internal sealed class ComplaintBoxConfiguration : IEntityTypeConfiguration<ComplaintBox>
{
    public void Configure(EntityTypeBuilder<ComplaintBox> builder)
    {
        builder.Property(b => b.Reference).HasMaxLength(64);
        builder.Property(b => b.Location).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Facility>().WithMany().HasForeignKey(b => b.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.OrganisationId, b.FacilityId, b.Reference }).IsUnique();
        builder.HasIndex(b => b.FacilityId);
    }
}

internal sealed class BoxOpeningConfiguration : IEntityTypeConfiguration<BoxOpening>
{
    public void Configure(EntityTypeBuilder<BoxOpening> builder)
    {
        builder.Property(o => o.SealFound).HasMaxLength(64);
        builder.Property(o => o.SealLeft).HasMaxLength(64);
        builder.HasOne<ComplaintBox>().WithMany().HasForeignKey(o => o.BoxId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.BoxId, o.OpenedOn });
    }
}

internal sealed class BoxOpenerConfiguration : IEntityTypeConfiguration<BoxOpener>
{
    public void Configure(EntityTypeBuilder<BoxOpener> builder)
    {
        builder.HasKey(o => new { o.OpeningId, o.UserId });
        builder.HasOne<BoxOpening>().WithMany().HasForeignKey(o => o.OpeningId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.UserId);
    }
}

internal sealed class BoxItemConfiguration : IEntityTypeConfiguration<BoxItem>
{
    public void Configure(EntityTypeBuilder<BoxItem> builder)
    {
        builder.HasKey(i => new { i.OpeningId, i.Number });
        builder.HasOne<BoxOpening>().WithMany().HasForeignKey(i => i.OpeningId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.CaseId).IsUnique();
    }
}

internal sealed class VideoRoomCheckConfiguration : IEntityTypeConfiguration<VideoRoomCheck>
{
    public void Configure(EntityTypeBuilder<VideoRoomCheck> builder)
    {
        builder.Property(c => c.Room).HasMaxLength(200);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.VisitId);
        builder.HasIndex(c => c.FacilityId);
    }
}
